/**
 * The implementation of WASI preview 1 (not exported).
 *
 * <p>Layers, each trusting the one below: {@link dev.isola.wasi.impl.Preview1} turns the call classes ({@code
 * ProcCalls}, {@code FdCalls}, {@code FdIoCalls}, {@code ReaddirCalls}, {@code PathCalls}, {@code PollCalls})
 * into host functions and their exceptions into errno results; each call first verifies guest pointers with {@link
 * dev.isola.wasi.impl.GuestMemory#verify}, then checks the descriptor and its rights ({@link
 * dev.isola.wasi.impl.FdTable}, {@link dev.isola.wasi.impl.Rights}), then resolves paths inside the sandbox
 * ({@link dev.isola.wasi.impl.PathResolver}), and only then acts on the host.
 */
package dev.isola.wasi.impl;
