package dev.isola.wasm.text;

import dev.isola.wasm.FuncType;
import dev.isola.wasm.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * The first pass over a module's fields: binds every identifier of every module-level index space and reads
 * the explicit type definitions, so that the second pass ({@link ModuleParser}) can resolve references to
 * fields defined later in the text. It also enforces that imports come before definitions, since that
 * decides the numbering of each space.
 *
 * <p>{@link #types} grows during the second pass: implicit types are appended after the explicit ones.
 */
final class Declarations {
  final IndexSpace typeSpace = new IndexSpace("type", "type");
  final IndexSpace funcs = new IndexSpace("func", "function");
  final IndexSpace tables = new IndexSpace("table", "table");
  final IndexSpace memories = new IndexSpace("memory", "memory");
  final IndexSpace globals = new IndexSpace("global", "global");
  final IndexSpace elems = new IndexSpace("elem", "elem segment");
  final IndexSpace datas = new IndexSpace("data", "data segment");
  final List<FuncType> types = new ArrayList<>();

  /** Reads the fields from the cursor's position to the closing parenthesis or the end, then rewinds. */
  static Declarations of(Tokens in) {
    Declarations d = new Declarations();
    int start = in.position();
    String definedKind = null;
    while (in.at(Token.Kind.LPAREN)) {
      in.next();
      Token field = in.peek();
      if (field.kind() != Token.Kind.KEYWORD) {
        throw in.unexpected();
      }
      in.next();
      switch (field.text()) {
        case "type" -> d.typeDefinition(in);
        case "import" -> {
          if (definedKind != null) {
            throw Tokens.error("import after " + definedKind, field);
          }
          in.expect(Token.Kind.STRING);
          in.expect(Token.Kind.STRING);
          in.lparen();
          Token kind = in.next();
          String id = in.optionalId();
          IndexSpace space = switch (kind.text()) {
            case "func" -> d.funcs;
            case "table" -> d.tables;
            case "memory" -> d.memories;
            case "global" -> d.globals;
            default -> throw Tokens.error("unexpected token", kind);
          };
          space.add(id, kind);
          in.skipToClose();
          in.rparen();
        }
        case "func", "table", "memory", "global" -> {
          String id = in.optionalId();
          while (in.atField("export")) {
            in.next();
            in.skipToClose();
          }
          boolean imported = in.atField("import");
          if (imported && definedKind != null) {
            throw Tokens.error("import after " + definedKind, field);
          }
          IndexSpace space = switch (field.text()) {
            case "func" -> d.funcs;
            case "table" -> d.tables;
            case "memory" -> d.memories;
            default -> d.globals;
          };
          space.add(id, field);
          if (!imported && definedKind == null) {
            definedKind = field.text().equals("func") ? "function" : field.text();
          }
          if (field.text().equals("table") && !imported && TypeSyntax.isRefType(in.peek())
              && in.peek(1).kind() == Token.Kind.LPAREN && in.peek(2).isKeyword("elem")) {
            d.elems.add(null, field);
          }
          if (field.text().equals("memory") && !imported && in.atField("data")) {
            d.datas.add(null, field);
          }
          in.skipToClose();
        }
        case "elem" -> {
          d.elems.add(in.optionalId(), field);
          in.skipToClose();
        }
        case "data" -> {
          d.datas.add(in.optionalId(), field);
          in.skipToClose();
        }
        case "export", "start" -> in.skipToClose();
        default -> throw Tokens.error("unknown operator", field);
      }
    }
    in.seek(start);
    return d;
  }

  private void typeDefinition(Tokens in) {
    Token at = in.peek();
    String id = in.optionalId();
    in.lparen();
    in.expectKeyword("func");
    List<ValType> params = new ArrayList<>();
    List<ValType> results = new ArrayList<>();
    TypeSyntax.paramsAndResults(in, params, null, results, true);
    in.rparen();
    in.rparen();
    typeSpace.add(id, at);
    types.add(new FuncType(params, results));
  }

  /** How many types the module defines explicitly; implicit ones follow. */
  int explicitTypes() {
    return typeSpace.count();
  }

  /** The first type equal to {@code type}, appended as an implicit type if there is none. */
  int typeIndex(FuncType type) {
    int i = types.indexOf(type);
    if (i >= 0) {
      return i;
    }
    types.add(type);
    return types.size() - 1;
  }
}
