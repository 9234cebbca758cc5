/**
 * The simulated board's time: a {@link dev.isola.hal.sim.time.SimClock} that runs at a <em>time-scale</em>
 * (1 real time, 60 a minute a second, 0 frozen and moved by hand), and the {@link
 * dev.isola.hal.sim.time.Timeline}, the one thread on which timed events (timer expiries, sensor conversions)
 * run in order.
 *
 * <p>Design decisions: every part of a board shares one clock, so a scaled board is consistently faster (the
 * room, the sensor's conversion rate and the timers alike) and a frozen board is deterministic: a test
 * advances time and sees exactly the events due by then, in order, before {@code advance} returns. Timer
 * expiries are parked for until {@code SPIN_NANOS} before their instant, then spun for, because {@code
 * parkNanos} overshoots by tens of microseconds and the interrupt latency budget is 20 us at p99.
 */
package dev.isola.hal.sim.time;
