package dev.isola.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isola.hal.need.Need;
import dev.isola.hal.need.Needs;
import dev.isola.kernel.CGuests;
import dev.isola.wasm.WasmModule;
import dev.isola.wasm.binary.ModuleDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's ISOLA_NEED macros, compiled by clang-19 from two translation units and linked by wasm-ld, make one
 * {@code isola.peripherals} section that the kernel reads back record for record.
 */
class NeedsFromCTest {
  @TempDir Path dir;

  @Test
  void twoTranslationUnitsMakeOneSection() throws Exception {
    Path wasm = CGuests.compile("needs", dir, List.of("needs_main", "needs_more"));
    WasmModule module = ModuleDecoder.decode(Files.readAllBytes(wasm), SystemCheck.FEATURES);
    assertEquals(1, module.customSections().stream().filter(s -> s.name().equals(Needs.SECTION)).count(),
        "wasm-ld concatenates the sections of both objects into one");
    assertEquals(List.of(
        "i2c sensor address=0x48 speed=100000,400000",
        "gpio-in alert pull=up edge=falling",
        "gpio-out led initial=1",
        "i2c eeprom address=0x50 speed=400000",
        "spi adc-raw mode=0 hz=1000000",
        "uart console baud=115200",
        "adc soil bits=10",
        "pwm fan hz=25000",
        "timer tick"), ModuleNeeds.read(module).all().stream().map(Need::text).toList());
  }

  @Test
  void noDataSegmentCarriesTheRecords() throws Exception {
    // The records must be in the custom section only: a data segment would cost the guest memory for nothing
    // (and is what __attribute__((section)) would have made).
    Path wasm = CGuests.compile("needs", dir, List.of("needs_main", "needs_more"));
    byte[] bytes = Files.readAllBytes(wasm);
    assertEquals(1, occurrences(bytes, "gpio-in alert pull=up edge=falling".getBytes()));
  }

  private static int occurrences(byte[] haystack, byte[] needle) {
    int n = 0;
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      n++;
    }
    return n;
  }
}
