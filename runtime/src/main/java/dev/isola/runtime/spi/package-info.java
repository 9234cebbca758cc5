/**
 * The contract between the runtime and its execution tiers: an {@link dev.isola.runtime.spi.ExecutionTier}
 * prepares a module's code once per {@code Engine.compile}; the resulting {@link
 * dev.isola.runtime.spi.ModuleCode} is linked to each instance and invoked for exports and start functions.
 * Embedders only pass a tier to {@code EngineConfig.of}; only tiers implement these interfaces.
 */
package dev.isola.runtime.spi;
