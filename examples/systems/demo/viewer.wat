;; The demo's viewer: maps the region `frames` read-only (`isola check` proves it never writes it) and, every
;; 50 ms (context `watch`), reads the camera's frame counter and counts the frames it missed. Its counters are
;; i64 globals: the kernel takes a module's first mutable i32 global for C's __stack_pointer.
(module
  (import "region" "frames" (memory 1 1))
  (global $seen (export "seen") (mut i64) (i64.const 0))
  (global $missed (export "missed") (mut i64) (i64.const 0))
  (func (export "watch") (local $now i64)
    i32.const 0
    i64.load32_u
    local.set $now
    ;; frames skipped since the last look: now - seen - 1, when the camera moved on
    local.get $now
    global.get $seen
    i64.gt_u
    if
      global.get $missed
      local.get $now
      global.get $seen
      i64.sub
      i64.const 1
      i64.sub
      i64.add
      global.set $missed
      local.get $now
      global.set $seen
    end))
