(module
  (memory (export "memory") 4 4)
  (global (export "iterations") (mut i32) (i32.const 0))
  (global (export "depth") (mut i32) (i32.const 0))
  ;; Runs out of fuel after a few slow-path polls (Store.CHUNK = 10,000 units): both tiers must stop at the same
  ;; iteration, with the same count in memory and in the global.
  (func (export "spin") (local $i i32)
    (loop $l
      (global.set 0 (i32.add (global.get 0) (i32.const 1)))
      (i32.store (i32.const 0) (global.get 0))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 1000000)))))
  ;; Nested loops: only the innermost loop's header charges its body.
  (func (export "nested") (local $i i32) (local $j i32)
    (loop $outer
      (local.set $j (i32.const 0))
      (loop $inner
        (i32.store (i32.const 4) (i32.add (i32.load (i32.const 4)) (i32.const 1)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br_if $inner (i32.lt_u (local.get $j) (i32.const 100))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $outer (i32.lt_u (local.get $i) (i32.const 100000)))))
  ;; Function entries charge too: recursion that runs out of fuel part way down.
  (func $down (param $n i32)
    (global.set 1 (i32.add (global.get 1) (i32.const 1)))
    (i32.store (i32.const 8) (local.get $n))
    (if (local.get $n) (then (call $down (i32.sub (local.get $n) (i32.const 1))))))
  (func (export "recurse") (call $down (i32.const 5000)))
  ;; Bulk operations charge one unit per 1024 bytes between 64 KiB chunks: this one fits the budget.
  (func (export "fill") (memory.fill (i32.const 16) (i32.const 7) (i32.const 200000)))
  (func (export "copy") (memory.copy (i32.const 65536) (i32.const 0) (i32.const 190000))))
