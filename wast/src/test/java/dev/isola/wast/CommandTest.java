package dev.isola.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.isola.runtime.TrapKind;
import dev.isola.runtime.Value;
import dev.isola.wasm.Feature;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Command parse(String json) throws Exception {
    return Command.parse(JSON.readTree(json.replace('\'', '"')), new ValueParser());
  }

  @Test
  void module() throws Exception {
    var c = assertInstanceOf(Command.ModuleCommand.class,
        parse("{'type': 'module', 'line': 3, 'name': '$Mt', 'filename': 'x.0.wasm'}"));
    assertEquals(new Command.ModuleCommand(3, "x.0.wasm", "$Mt"), c);
    var anonymous = assertInstanceOf(Command.ModuleCommand.class,
        parse("{'type': 'module', 'line': 4, 'filename': 'x.1.wasm'}"));
    assertNull(anonymous.name());
  }

  @Test
  void assertReturnWithModuleAndArgs() throws Exception {
    var c = assertInstanceOf(Command.AssertReturn.class, parse("{'type': 'assert_return', 'line': 9, 'action': "
        + "{'type': 'invoke', 'module': '$M', 'field': 'add', 'args': [{'type': 'i32', 'value': '1'}, "
        + "{'type': 'i64', 'value': '2'}]}, 'expected': [{'type': 'f32', 'value': 'nan:canonical'}]}"));
    assertEquals(new Action(Action.Kind.INVOKE, "$M", "add", List.of(Value.i32(1), Value.i64(2))), c.action());
    assertEquals(List.of(new Expected.Nan(dev.isola.wasm.ValType.F32, true)), c.expected());
    assertEquals("invoke $M.\"add\"(i32:0x1(1), i64:0x2(2))", c.action().toString());
  }

  @Test
  void getAndRegister() throws Exception {
    var get = assertInstanceOf(Command.AssertReturn.class,
        parse("{'type': 'assert_return', 'line': 1, 'action': {'type': 'get', 'field': 'g'}, 'expected': []}"));
    assertEquals(Action.Kind.GET, get.action().kind());
    assertEquals(new Command.Register(2, null, "test"), parse("{'type': 'register', 'line': 2, 'as': 'test'}"));
  }

  @Test
  void moduleAssertions() throws Exception {
    var text = assertInstanceOf(Command.AssertModule.class, parse("{'type': 'assert_malformed', 'line': 5, "
        + "'filename': 'a.1.wat', 'text': 'unknown operator', 'module_type': 'text'}"));
    assertFalse(text.binary());
    assertEquals(Command.Rejection.MALFORMED, text.rejection());
    var invalid = assertInstanceOf(Command.AssertModule.class, parse("{'type': 'assert_invalid', 'line': 6, "
        + "'filename': 'a.2.wasm', 'text': 'type mismatch', 'module_type': 'binary'}"));
    assertTrue(invalid.binary());
    assertEquals("assert_invalid", invalid.type());
    assertEquals("assert_uninstantiable", parse("{'type': 'assert_uninstantiable', 'line': 7, "
        + "'filename': 'a.3.wasm', 'text': 'unreachable', 'module_type': 'binary'}").type());
  }

  @Test
  void unknownCommandTypeIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> parse("{'type': 'assert_exception', 'line': 1}"));
  }

  @Test
  void trapTextMatchesTheKindsWordsByPrefix() {
    assertTrue(ScriptRun.trapMatches(TrapKind.UNREACHABLE, "unreachable"));
    assertTrue(ScriptRun.trapMatches(TrapKind.UNINITIALIZED_ELEMENT, "uninitialized element 2"));
    assertTrue(ScriptRun.trapMatches(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, "out of bounds"));
    assertFalse(ScriptRun.trapMatches(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS, "out of bounds memory access"));
    assertFalse(ScriptRun.trapMatches(TrapKind.UNDEFINED_ELEMENT, "uninitialized element"));
  }

  @Test
  void scriptsFindTheirFeaturesAndSimdness() {
    Path mm = Path.of("/s/wasm-testsuite/proposals/multi-memory/json/load0/load0.json");
    assertEquals(Set.of(Feature.MULTI_MEMORY), WastRunner.featuresFor(mm));
    assertEquals(Set.of(Feature.TAIL_CALL),
        WastRunner.featuresFor(Path.of("/s/proposals/tail-call/json/return_call/return_call.json")));
    assertEquals(Set.of(Feature.EXTENDED_CONST),
        WastRunner.featuresFor(Path.of("/s/proposals/extended-const/json/data/data.json")));
    assertEquals(Set.of(), WastRunner.featuresFor(Path.of("/s/wasm-testsuite/json/i32/i32.json")));
    assertTrue(WastRunner.isSimd(Path.of("/s/wasm-testsuite/json/simd/simd_lane/simd_lane.json")));
    assertTrue(WastRunner.isSimd(
        Path.of("/s/proposals/multi-memory/json/simd_memory-multi/simd_memory-multi.json")));
    assertFalse(WastRunner.isSimd(Path.of("/s/wasm-testsuite/json/i32/i32.json")));
    assertEquals("simd/simd_lane.wast",
        WastRunner.displayName(Path.of("/s/json/simd/simd_lane/simd_lane.json"), "simd_lane.wast"));
    assertEquals("proposals/multi-memory/load0.wast", WastRunner.displayName(mm, "load0.wast"));
    assertEquals("i32.wast", WastRunner.displayName(Path.of("/s/json/i32/i32.json"), "i32.wast"));
  }
}
