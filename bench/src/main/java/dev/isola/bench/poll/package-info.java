/**
 * What a safepoint poll can cost on a call-bound kernel, measured on Java written by hand instead of on the
 * compiler's output: {@link dev.isola.bench.poll.FibShapes} is the {@code fib} kernel (clang's form of it: one loop
 * around the first recursive call) once per poll shape the compiled tier has taken or could take, and {@link
 * dev.isola.bench.poll.PollShapeBenchmark} times each shape under JMH.
 *
 * <p>Why by hand: the compiler's output differs in many ways at once (trap sites, outlining, the packed return),
 * so a change of poll shape there is confounded with everything else. Here each shape differs from {@code depth}
 * (the compiled tier's code with polls off) in the poll alone, and every shape computes the same result, which the
 * benchmark checks. bench/README.md ("fib: poll shapes by hand") gives the figures and what they settled.
 */
package dev.isola.bench.poll;
