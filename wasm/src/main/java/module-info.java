/** The WebAssembly model, binary decoder and validator. Knows nothing of execution. */
module dev.isola.wasm {
  exports dev.isola.wasm;
  exports dev.isola.wasm.binary;
  exports dev.isola.wasm.validate;
  exports dev.isola.wasm.text;
  exports dev.isola.wasm.analysis;
}
