package dev.isola.wasm.text;

import dev.isola.wasm.Feature;
import dev.isola.wasm.WasmModule;
import dev.isola.wasm.binary.ModuleDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the WebAssembly text format into a {@link WasmModule}. Accepts a {@code (module ...)} form
 * (including {@code (module binary "...")}, decoded by {@link ModuleDecoder}, and {@code (module quote "...")},
 * whose strings are parsed as text), or a bare sequence of module fields, as in the testsuite's {@code .wat}
 * files.
 *
 * <p>Only the syntax is checked here: a well-formed module may still be invalid, which
 * {@code dev.isola.wasm.validate.Validator} decides. Numeric indices are not checked against their spaces;
 * unknown identifiers are errors, since they cannot be numbered.
 */
public final class TextParser {
  private TextParser() {}

  /**
   * Parses {@code text}. Proposals in {@code features} add syntax (e.g. {@code return_call} with
   * {@link Feature#TAIL_CALL}).
   *
   * @throws TextFormatException if the text is malformed
   * @throws dev.isola.wasm.binary.MalformedModuleException if a {@code (module binary ...)} is
   */
  public static WasmModule parseModule(String text, Set<Feature> features) {
    List<Token> tokens = Lexer.tokens(text);
    try {
      return parse(new Tokens(tokens), features);
    } catch (StackOverflowError e) {
      // blocks and folded instructions are parsed recursively; only absurd nesting gets here
      Token first = tokens.getFirst();
      throw new TextFormatException("nesting too deep", first.line(), first.column());
    }
  }

  private static WasmModule parse(Tokens in, Set<Feature> features) {
    WasmModule m;
    if (in.atField("module")) {
      in.next();
      in.next();
      String id = in.optionalId();
      Optional<String> name = Optional.ofNullable(id).map(n -> n.substring(1));
      if (in.atKeyword("binary") || in.atKeyword("quote")) {
        boolean binary = in.next().isKeyword("binary");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (in.at(Token.Kind.STRING)) {
          bytes.writeBytes(in.next().bytes());
        }
        in.rparen();
        in.expect(Token.Kind.EOF);
        return binary
            ? ModuleDecoder.decode(bytes.toByteArray(), features)
            : parseModule(utf8(bytes.toByteArray()), features);
      }
      m = ModuleParser.fields(in, features, name);
      in.rparen();
    } else {
      m = ModuleParser.fields(in, features, Optional.empty());
    }
    in.expect(Token.Kind.EOF);
    return m;
  }

  /** Parses UTF-8 text; bytes that are not UTF-8 are "malformed UTF-8 encoding". */
  public static WasmModule parseModule(byte[] utf8Text, Set<Feature> features) {
    return parseModule(utf8(utf8Text), features);
  }

  public static WasmModule parseModule(String text) {
    return parseModule(text, Set.of());
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new TextFormatException("malformed UTF-8 encoding", 1, 1);
    }
  }
}
