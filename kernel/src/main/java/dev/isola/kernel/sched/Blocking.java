package dev.isola.kernel.sched;

/** A blocking operation run by {@link Task#block} without a permit; interrupted when its task is killed. */
@FunctionalInterface
public interface Blocking<T> {
  T run() throws InterruptedException;
}
