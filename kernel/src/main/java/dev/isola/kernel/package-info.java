/** The kernel's API: load a system file, check it, run it. */
package dev.isola.kernel;
