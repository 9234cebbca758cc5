/** The compiler tier: analyse, lower and emit each Wasm function as JVM bytecode. */
package dev.isola.compiler;
