;; The demo's camera: maps the region `frames` read-write (imported memories come first, so it is memory 0)
;; and, every 20 ms (context `capture`), writes a frame: 1 KiB of pixels at offset 4, then the frame counter at
;; offset 0, so a reader that sees counter n sees at least frame n's pixels.
;; Region guests are WAT: C cannot address a memory other than its own. The counter lives in the region, not in
;; a mutable i32 global: the kernel takes a module's first mutable i32 global for C's __stack_pointer.
(module
  (import "region" "frames" (memory 1 1))
  (func (export "capture") (local $frame i32)
    i32.const 0
    i32.load
    i32.const 1
    i32.add
    local.set $frame
    i32.const 4
    local.get $frame
    i32.const 1024
    memory.fill
    i32.const 0
    local.get $frame
    i32.store))
