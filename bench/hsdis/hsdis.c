/*
 * A HotSpot disassembler plugin on Capstone, for reading what C2 makes of Isola's generated code:
 *   bench/hsdis/build.sh   (needs Debian's libcapstone-dev)
 *   LD_LIBRARY_PATH=bench/hsdis java -XX:+UnlockDiagnosticVMOptions \
 *     -XX:CompileCommand=print,*WasmCode*::g8 ...
 * HotSpot looks for hsdis-<arch>.so and calls decode_instructions_virtual (the JDK's own
 * src/utils/hsdis has binutils, LLVM and Capstone backends; Debian's libhsdis0-fcml has only the older
 * decode_instructions entry point, which current JDKs do not call). x86-64 only, AT&T syntax.
 */
#include <capstone/capstone.h>
#include <stdint.h>

typedef void *(*event_callback)(void *stream, const char *event, void *arg);
typedef int (*printf_callback)(void *stream, const char *format, ...);

void *decode_instructions_virtual(uintptr_t start_va, uintptr_t end_va, unsigned char *buffer, uintptr_t length,
                                  event_callback event, void *event_stream, printf_callback print,
                                  void *print_stream, const char *options, int newline) {
  (void)end_va;
  (void)options;
  csh handle;
  if (cs_open(CS_ARCH_X86, CS_MODE_64, &handle) != CS_ERR_OK) {
    return NULL;
  }
  cs_option(handle, CS_OPT_SYNTAX, CS_OPT_SYNTAX_ATT);
  cs_insn *insn;
  size_t count = cs_disasm(handle, buffer, length, start_va, 0, &insn);
  for (size_t i = 0; i < count; i++) {
    /* HotSpot prints its own annotations (oop maps, safepoints, call targets) between these events. */
    event(event_stream, "insn", (void *)(uintptr_t)insn[i].address);
    print(print_stream, "%s\t%s", insn[i].mnemonic, insn[i].op_str);
    event(event_stream, "/insn", (void *)(uintptr_t)(insn[i].address + insn[i].size));
    if (newline) {
      print(print_stream, "\n");
    }
  }
  if (count > 0) {
    cs_free(insn, count);
  }
  cs_close(&handle);
  return (void *)(start_va + length);
}
