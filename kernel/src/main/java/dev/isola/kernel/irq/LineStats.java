package dev.isola.kernel.irq;

/**
 * One interrupt line's figures (a snapshot; {@link InterruptController#lines()}).
 *
 * @param handle the guest's handle of the event source
 * @param label the source's label (the need's label in the module)
 * @param priority the priority its handler runs at
 * @param handler the export that handles it
 * @param events events recorded since it was attached
 * @param runs how often the handler ran (each run gets the events since the last one)
 * @param pending events recorded and not yet handled (saturated at 65535)
 * @param overflows events lost to the saturated count
 * @param masked whether the guest masks it now
 */
public record LineStats(int handle, String label, int priority, String handler, long events, long runs,
                        int pending, long overflows, boolean masked) {}
