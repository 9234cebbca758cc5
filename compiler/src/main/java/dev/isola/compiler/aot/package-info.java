/**
 * Ahead-of-time compilation: the file {@code isola compile} writes ({@link dev.isola.compiler.aot.Artifact}) and
 * the choice of tier when a module is loaded ({@link dev.isola.compiler.aot.Tier}, {@link
 * dev.isola.compiler.aot.ModuleLoader}), shared by the command line and the kernel.
 *
 * <p>Design decisions:
 *
 * <ul>
 *   <li>An artifact holds the compiler's class files, not machine code: the JVM still verifies and JIT-compiles
 *       them; what the artifact saves is the Wasm-to-bytecode translation, the expensive part of start-up.
 *   <li>It is keyed by the SHA-256 of the module's bytes and by {@link dev.isola.compiler.aot.IsolaVersion}
 *       (release plus a fingerprint of the compiler and runtime code). Anything else, a damaged file included, is
 *       rejected with a one-line reason, and the module is compiled again: a rejected artifact is never run.
 *   <li>Rejection is a checked {@link dev.isola.compiler.aot.ArtifactException}, so every caller decides, visibly,
 *       what to do (warn and recompile); its {@link dev.isola.compiler.aot.ArtifactException.Reason} tells stale
 *       artifacts (expected after an edit) from damaged ones.
 *   <li>An artifact is JVM bytecode, which runs with Isola's rights: before its classes are defined, {@code
 *       CodeReferences} checks that they refer only to the runtime, the compiler's support classes and a few
 *       {@code java.lang} classes, so that a forged artifact beside a module cannot reach files, processes or
 *       reflection. The checksum only detects damage.
 *   <li>The file is written through a temporary file and a rename: a concurrent reader sees the old artifact or
 *       the new one, never half of one.
 * </ul>
 *
 * <pre>{@code
 * Artifact.of(moduleBytes, compiled.classFiles()).write(Path.of("app.wasm.aot"));
 * Artifact a = Artifact.read(Path.of("app.wasm.aot"), moduleBytes);   // throws ArtifactException if unusable
 * }</pre>
 */
package dev.isola.compiler.aot;
