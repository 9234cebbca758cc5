/** WASI preview 1 ({@code wasi_snapshot_preview1}) for command modules, sandboxed to preopened directories. */
module dev.isola.wasi {
  requires transitive dev.isola.runtime;

  exports dev.isola.wasi;
}
