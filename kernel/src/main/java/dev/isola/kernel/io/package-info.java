/**
 * The guest I/O API: the import modules {@code isola:gpio}, {@code isola:i2c}, {@code isola:spi}, {@code
 * isola:uart}, {@code isola:adc}, {@code isola:pwm} and {@code isola:timer} over the board's checking facades
 * ({@code dev.isola.hal}); {@code sdk/isola.h} declares them, {@code docs/io.md} is the guest's view.
 *
 * <h2>Shape</h2>
 *
 * {@link dev.isola.kernel.io.Peripherals} (one per system, in the kernel's {@code Services}) holds the board and
 * each container's current {@link dev.isola.kernel.io.Handles}: the handle table of one incarnation. {@link
 * dev.isola.kernel.io.IsolaIo#functions} binds the seven modules' host functions to one table; each module is one
 * small class ({@code IsolaGpio}, {@code IsolaI2c}...) over a shared {@code IoModule} (open, close, handle
 * lookup).
 *
 * <h2>Design decisions</h2>
 *
 * <ul>
 *   <li><b>Verify, then act</b> (style.md rule 9), in one order everywhere: lengths, then pointers against the
 *       caller's memory ({@code EINVAL}, {@code EFAULT}), then the handle ({@code EBADF}), its rights ({@code
 *       EACCES}), the remaining arguments, then the facade. The facade checks once more against the resource's
 *       capabilities (speeds, modes, ranges); its {@link dev.isola.hal.HalException} kind maps to one code
 *       ({@code IoError.of}), so each outcome has one code.
 *   <li><b>A label, not a pin number.</b> A guest opens a label (wasi:gpio's acquisition by label) that its
 *       module declares (the {@code isola.peripherals} section, read from the calling instance's own module, so
 *       a swapped-in module is judged by its own needs) and that the system file binds; nothing else on the
 *       board can be named. The need's kind is the handle's rights: a {@code gpio-in} cannot be driven, an I2C
 *       handle reaches only its device's address.
 *   <li><b>Handles belong to an incarnation.</b> Each incarnation gets a fresh table, which replaces (and
 *       closes) its container's previous one: a restart or a swap finds every resource released, whatever the
 *       last incarnation left open. Handle numbers are table indexes (a closed slot is reused, as file
 *       descriptors are); another container's numbers mean nothing in this table.
 *   <li><b>Only the calling context waits.</b> A UART read that must wait, and a bus transfer long enough to
 *       matter (estimated from its bits and clock: {@code SlowCall.SLOW_NANOS}), run through the scheduler's
 *       {@code Task.block}: the permit and the container's exclusion go to others meanwhile, and the context's
 *       {@code __stack_pointer} is saved and restored around it as {@code isola:sys} sleeps do. A kill ends the
 *       wait (the thread is interrupted) and unwinds the guest. Short calls keep the permit: a scheduler round
 *       trip would cost more than the call.
 *   <li><b>Events only record.</b> A handle that can interrupt (a {@code gpio-in} with an edge, a UART, a timer)
 *       is an {@link dev.isola.kernel.io.EventSource}; {@code isola:irq} subscribes one listener, called on the
 *       backend's thread, which only marks the line pending. Closing the handle unsubscribes it.
 *   <li><b>Buffers are copied</b> in before and out after a call, never lent to a backend: a backend can keep no
 *       reference into guest memory, and a blocking call's buffers cannot move under it.
 * </ul>
 */
package dev.isola.kernel.io;
