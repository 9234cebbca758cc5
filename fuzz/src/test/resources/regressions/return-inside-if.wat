(module
  (memory (export "memory") 1 1)
  (func (export "return-in-then") (result i64)
    (if (i32.const 1) (then (return (i64.const 2))))
    (i64.const 1))
  (func (export "return-in-else") (result i32 f64)
    (if (i32.const 0) (then) (else (return (i32.const 7) (f64.const 1.5))))
    (i32.const 0) (f64.const 0))
  (func (export "return-in-block") (result i32)
    (block (result i32)
      (loop
        (if (i32.const 1) (then (i32.store (i32.const 8) (i32.const 99)) (return (i32.load (i32.const 8))))))
      (i32.const 3))))
