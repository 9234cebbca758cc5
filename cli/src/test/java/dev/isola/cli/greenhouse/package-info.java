/**
 * End-to-end tests of the README's first command, {@code bin/isola run examples/greenhouse}: the committed modules
 * are what {@code sdk/examples/build.sh} builds; the system runs on the simulated board with a time scale so the
 * room moves fast; the loop settles in its band, the controller misses no deadline while the rogue storms, and the
 * driver is hot-swapped while the loop runs.
 */
package dev.isola.cli.greenhouse;
