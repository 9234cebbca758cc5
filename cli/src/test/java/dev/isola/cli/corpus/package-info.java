/**
 * The C corpus ({@code corpus/c/*.c}) and the README's example ({@code examples/hello}) as tests: each program is
 * compiled for wasm32-wasi and for the host, both are run with the same arguments, environment and a fresh
 * directory, and Isola must print exactly what the native binary printed and exit with the same status.
 * The native run is the oracle, so no expected output is written by hand.
 */
package dev.isola.cli.corpus;
