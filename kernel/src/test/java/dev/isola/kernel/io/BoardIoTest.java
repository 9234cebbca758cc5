package dev.isola.kernel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isola.hal.Board;
import dev.isola.hal.Boards;
import dev.isola.hal.HalError;
import dev.isola.hal.HalException;
import dev.isola.hal.I2cOperation;
import dev.isola.hal.board.BoardFile;
import dev.isola.hal.board.BoardSpec;
import dev.isola.hal.board.ControllerSpec;
import dev.isola.hal.sim.SimBoard;
import dev.isola.hal.spi.BackendProvider;
import dev.isola.hal.spi.BoardBackend;
import dev.isola.hal.spi.I2cBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** I/O on boards other than the built-in one: raw SPI to an MCP3008, and the I2C bus errors of wasi:i2c. */
class BoardIoTest {
  @TempDir
  Path dir;

  /**
   * The sim board without its ADC controller: the MCP3008 is then an SPI device of its own, bindable to a label
   * (under adc0 the board's driver holds it).
   */
  @Test
  void spiTalksToTheMcp3008Raw() throws Exception {
    String sim;
    try (var in = SimBoard.class.getResourceAsStream("sim.toml")) {
      sim = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String withoutAdc = sim.replaceAll("(?s)\\[adc\\.adc0\\].*?(?=\\n\\[)", "");
    assertTrue(!withoutAdc.contains("[adc.adc0]"), withoutAdc);
    Path file = dir.resolve("raw-spi.toml");
    Files.writeString(file, withoutAdc);
    try (Peripherals peripherals = Peripherals.of(Boards.open(Optional.of(file)))) {
      Handles table = peripherals.table(IoFixture.spec("raw", Map.of("adc", "mcp3008")), true);
      IoGuest guest = IoGuest.of(table, "spi adc mode=0 hz=1000000");
      int h = guest.open("spi", "adc");
      assertTrue(h >= 0, "handle " + h);
      // MCP3008: start bit, then single-ended channel 1 (SGL=1, D2..D0=001) in the top nibble; 10 bits back.
      guest.write(4096, new byte[] {0x01, (byte) 0x90, 0x00});
      assertEquals(3, guest.call("spi_transfer", h, 4096, 8192, 3));
      byte[] rx = guest.read(8192, 3);
      int raw = ((rx[1] & 0x03) << 8) | (rx[2] & 0xFF);
      assertEquals(2400 * 1024 / 3300, raw, 1, "ch1 at 2400 mV");
      // The same as a transaction of two transfers with chip select held: 2 bytes, then 1.
      guest.write(4096, new byte[] {0x01, (byte) 0x90});
      guest.write(4098, new byte[] {0x00});
      int ops = 12288;
      guest.writeI32(ops, 4096);
      guest.writeI32(ops + 4, 8192);
      guest.writeI32(ops + 8, 2);
      guest.writeI32(ops + 12, 4098);
      guest.writeI32(ops + 16, 8194);
      guest.writeI32(ops + 20, 1);
      assertEquals(0, guest.call("spi_transaction", h, ops, 2));
      rx = guest.read(8192, 3);
      assertEquals(raw, ((rx[1] & 0x03) << 8) | (rx[2] & 0xFF), 1);
      assertEquals(IoError.EINVAL.code(), guest.call("spi_transfer", h, 0, 0, 3), "neither tx nor rx");
      assertEquals(IoError.EFAULT.code(), guest.call("spi_transfer", h, guest.memorySize() - 1, 0, 3));
      assertEquals(3, guest.call("spi_transfer", h, 0, 8192, 3), "tx 0: zeros out, whatever comes back");
    }
  }

  /** An I2C controller whose bus answers each address with one failure (what wasi:i2c's error codes name). */
  static final class FaultyBus implements BackendProvider {
    static final String COMPATIBLE = "test,faulty-i2c";

    @Override
    public Set<String> compatibles() {
      return Set.of(COMPATIBLE);
    }

    @Override
    public BoardBackend open(BoardSpec board) {
      return new BoardBackend() {
        @Override
        public I2cBackend i2c(ControllerSpec.I2c controller) {
          return new I2cBackend() {
            @Override
            public void transaction(int address, int speedHz, List<I2cOperation> operations) throws HalException {
              throw new HalException(switch (address) {
                case 0x48 -> HalError.NACK_ADDRESS;   // nobody at the address
                case 0x49 -> HalError.ARBITRATION_LOST;
                case 0x4A -> HalError.BUS_ERROR;
                default -> HalError.TIMEOUT;
              }, controller.name() + ": 0x" + Integer.toHexString(address) + " failed");
            }
          };
        }
      };
    }
  }

  @Test
  void i2cBusErrorsHaveOneCodeEach() throws Exception {
    String text = """
        [board]
        name = "faulty"

        [i2c.i2c0]
        compatible = "test,faulty-i2c"
        speeds = [100000]

        [devices.absent]
        compatible = "ti,tmp102"
        bus = "i2c0"
        address = 0x48

        [devices.contested]
        compatible = "ti,tmp102"
        bus = "i2c0"
        address = 0x49

        [devices.noisy]
        compatible = "ti,tmp102"
        bus = "i2c0"
        address = 0x4A

        [devices.stuck]
        compatible = "ti,tmp102"
        bus = "i2c0"
        address = 0x4B
        """;
    List<BackendProvider> providers = new ArrayList<>(Boards.providers());
    providers.add(new FaultyBus());
    BoardSpec spec = BoardFile.parse(dir.resolve("faulty.toml"), text, Boards.catalog(providers));
    Board board = Boards.open(spec, providers);
    try (Peripherals peripherals = Peripherals.of(board)) {
      Handles table = peripherals.table(IoFixture.spec("bus", Map.of("a", "absent", "b", "contested",
          "c", "noisy", "d", "stuck")), true);
      IoGuest guest = IoGuest.of(table, "i2c a", "i2c b", "i2c c", "i2c d");
      Map<String, IoError> expected = Map.of("a", IoError.ENACK_ADDR, "b", IoError.EARBITRATION,
          "c", IoError.EIO, "d", IoError.ETIMEDOUT);
      for (var e : expected.entrySet()) {
        int h = guest.open("i2c", e.getKey());
        assertTrue(h >= 0, e.getKey() + ": handle " + h);
        assertEquals(e.getValue().code(), guest.call("i2c_read", h, 4096, 2), e.getKey());
        assertEquals(e.getValue().code(), guest.call("i2c_write_read", h, 4096, 1, 8192, 2), e.getKey());
      }
    }
  }

  @Test
  void everyHalOutcomeHasItsOwnCode() {
    Set<Integer> codes = new java.util.HashSet<>();
    for (HalError e : HalError.values()) {
      int code = IoError.of(e).code();
      assertTrue(code < 0, e + " -> " + code);
      codes.add(code);
    }
    assertEquals(HalError.values().length, codes.size(), "two HAL outcomes share a code");
  }
}
