/**
 * The contract between the runtime and its execution tiers. Exported only to the tiers' modules.
 */
package dev.isola.runtime.spi;
