package dev.isola.wasm.text;

import dev.isola.wasm.ConstExpr;
import dev.isola.wasm.DataSegment;
import dev.isola.wasm.ElementSegment;
import dev.isola.wasm.Export;
import dev.isola.wasm.ExternKind;
import dev.isola.wasm.Feature;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.FunctionBody;
import dev.isola.wasm.Global;
import dev.isola.wasm.GlobalType;
import dev.isola.wasm.Immediate;
import dev.isola.wasm.Import;
import dev.isola.wasm.ImportDesc;
import dev.isola.wasm.Instruction;
import dev.isola.wasm.Limits;
import dev.isola.wasm.MemoryType;
import dev.isola.wasm.NameSection;
import dev.isola.wasm.OpCode;
import dev.isola.wasm.TableType;
import dev.isola.wasm.ValType;
import dev.isola.wasm.WasmModule;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The second pass over a module's fields (spec 6.6): builds the sections in text order, with every
 * identifier already bound by {@link Declarations}. Inline imports, exports, element and data segments are
 * expanded where they stand, which is where wabt and the reference interpreter put them.
 */
final class ModuleParser {
  private final Tokens in;
  private final Set<Feature> features;
  private final Declarations d;
  private final SegmentParser segments;
  private final List<Import> imports = new ArrayList<>();
  private final List<Integer> functionTypes = new ArrayList<>();
  private final List<TableType> tables = new ArrayList<>();
  private final List<MemoryType> memories = new ArrayList<>();
  private final List<Global> globals = new ArrayList<>();
  private final List<Export> exports = new ArrayList<>();
  private final List<ElementSegment> elements = new ArrayList<>();
  private final List<FunctionBody> code = new ArrayList<>();
  private final List<DataSegment> data = new ArrayList<>();
  private Optional<Integer> start = Optional.empty();
  private boolean usesDataIndex;
  private int funcCount;
  private int tableCount;
  private int memoryCount;
  private int globalCount;

  private final Optional<String> moduleName;
  private final Map<Integer, Map<Integer, String>> localNames = new HashMap<>();

  private ModuleParser(Tokens in, Set<Feature> features, Optional<String> moduleName) {
    this.in = in;
    this.moduleName = moduleName;
    this.features = features;
    this.d = Declarations.of(in);
    this.segments = new SegmentParser(in, d, features);
  }

  /** The fields from the cursor to a closing parenthesis or the end of the text. */
  static WasmModule fields(Tokens in, Set<Feature> features, Optional<String> moduleName) {
    return new ModuleParser(in, features, moduleName).module();
  }

  private WasmModule module() {
    while (in.at(Token.Kind.LPAREN)) {
      in.next();
      Token field = in.next();
      switch (field.text()) {
        case "type" -> in.skipToClose(); // read by Declarations
        case "import" -> importField();
        case "func" -> func();
        case "table" -> table();
        case "memory" -> memory();
        case "global" -> global();
        case "export" -> exportField();
        case "start" -> {
          if (start.isPresent()) {
            throw Tokens.error("multiple start sections", field);
          }
          start = Optional.of(index(d.funcs));
          in.rparen();
        }
        case "elem" -> elements.add(segments.elem());
        case "data" -> data.add(segments.data());
        default -> throw Tokens.error("unknown operator", field);
      }
    }
    // as wabt writes it: a data count section only when code names a data segment and there is one
    Optional<Integer> dataCount = usesDataIndex && !data.isEmpty() ? Optional.of(data.size()) : Optional.empty();
    // The identifiers become the module's names (for messages and tools), but no name section is written:
    // wast2json writes none either, and custom sections are the module's bytes, not derived data.
    NameSection names = new NameSection(moduleName, d.funcs.names(), localNames);
    return new WasmModule(d.types, imports, functionTypes, tables, memories, globals, exports, start, elements,
        dataCount, code, data, List.of(), names);
  }

  private int index(IndexSpace space) {
    if (!IndexSpace.isIndex(in.peek())) {
      throw in.unexpected();
    }
    return space.resolve(in.next());
  }

  private void importField() {
    String module = name(in.expect(Token.Kind.STRING));
    String name = name(in.expect(Token.Kind.STRING));
    in.lparen();
    Token kind = in.next();
    in.optionalId();
    ImportDesc desc = switch (kind.text()) {
      case "func" -> {
        funcCount++;
        yield new ImportDesc.Func(typeUse(null));
      }
      case "table" -> {
        tableCount++;
        yield new ImportDesc.Table(TypeSyntax.tableType(in));
      }
      case "memory" -> {
        memoryCount++;
        yield new ImportDesc.Memory(new MemoryType(TypeSyntax.limits(in)));
      }
      case "global" -> {
        globalCount++;
        yield new ImportDesc.Global(TypeSyntax.globalType(in));
      }
      default -> throw Tokens.error("unexpected token", kind);
    };
    in.rparen();
    in.rparen();
    imports.add(new Import(module, name, desc));
  }

  /** Inline {@code (export "name")}s, then an inline {@code (import "m" "n")} if there is one. */
  private String[] exportsAndImport(ExternKind kind, int index) {
    while (in.openField("export")) {
      exports.add(new Export(name(in.expect(Token.Kind.STRING)), kind, index));
      in.rparen();
    }
    if (in.openField("import")) {
      String module = name(in.expect(Token.Kind.STRING));
      String name = name(in.expect(Token.Kind.STRING));
      in.rparen();
      return new String[] {module, name};
    }
    return null;
  }

  private void func() {
    in.optionalId();
    int index = funcCount++;
    String[] imported = exportsAndImport(ExternKind.FUNC, index);
    IndexSpace locals = new IndexSpace("local", "local");
    int type = typeUse(locals);
    if (imported != null) {
      in.rparen();
      imports.add(new Import(imported[0], imported[1], new ImportDesc.Func(type)));
      return;
    }
    List<ValType> localTypes = new ArrayList<>();
    while (in.openField("local")) {
      if (in.at(Token.Kind.ID)) {
        Token id = in.next();
        locals.add(id.text(), id);
        localTypes.add(TypeSyntax.valType(in));
      } else {
        while (!in.at(Token.Kind.RPAREN)) {
          localTypes.add(TypeSyntax.valType(in));
          locals.add(null, in.peek());
        }
      }
      in.rparen();
    }
    InstructionParser parser = new InstructionParser(in, d, features, locals);
    List<Instruction> body = new ArrayList<>();
    parser.instructions(body);
    in.rparen();
    body.add(new Instruction(OpCode.END, Immediate.None.INSTANCE));
    usesDataIndex |= parser.usesDataIndex();
    if (!locals.names().isEmpty()) {
      localNames.put(index, locals.names());
    }
    functionTypes.add(type);
    code.add(new FunctionBody(localTypes, body, -1));
  }

  /**
   * A function's type use: {@code (type x)}, inline parameters and results, or both (which must agree,
   * "inline function type"). Named parameters are added to {@code locals} when that is not {@code null}.
   */
  private int typeUse(IndexSpace locals) {
    TypeUse use = TypeUse.parse(in, d, true);
    int type = use.index(d);
    if (locals != null) {
      FuncType explicit = use.explicit() != null && !use.hasInline() ? use.explicitType(d) : null;
      for (int i = 0; explicit != null && i < explicit.params().size(); i++) {
        locals.add(null, use.at());
      }
      for (String name : use.names()) {
        locals.add(name, use.at());
      }
    }
    return type;
  }

  private void table() {
    in.optionalId();
    int index = tableCount++;
    String[] imported = exportsAndImport(ExternKind.TABLE, index);
    if (imported == null && TypeSyntax.isRefType(in.peek())) {
      ValType type = TypeSyntax.refType(in);
      in.lparen();
      in.expectKeyword("elem");
      List<ConstExpr> items = segments.elemItems();
      in.rparen();
      in.rparen();
      long n = items.size();
      tables.add(new TableType(type, new Limits(n, n)));
      elements.add(new ElementSegment(type, items, new ElementSegment.Active(index, SegmentParser.i32Zero())));
      return;
    }
    TableType type = TypeSyntax.tableType(in);
    in.rparen();
    if (imported != null) {
      imports.add(new Import(imported[0], imported[1], new ImportDesc.Table(type)));
    } else {
      tables.add(type);
    }
  }

  private void memory() {
    in.optionalId();
    int index = memoryCount++;
    String[] imported = exportsAndImport(ExternKind.MEMORY, index);
    if (imported == null && in.openField("data")) {
      byte[] bytes = segments.strings();
      in.rparen();
      in.rparen();
      long pages = (bytes.length + MemoryType.PAGE_SIZE - 1L) / MemoryType.PAGE_SIZE;
      memories.add(new MemoryType(new Limits(pages, pages)));
      data.add(new DataSegment(bytes, new DataSegment.Active(index, SegmentParser.i32Zero())));
      return;
    }
    MemoryType type = new MemoryType(TypeSyntax.limits(in));
    in.rparen();
    if (imported != null) {
      imports.add(new Import(imported[0], imported[1], new ImportDesc.Memory(type)));
    } else {
      memories.add(type);
    }
  }

  private void global() {
    in.optionalId();
    int index = globalCount++;
    String[] imported = exportsAndImport(ExternKind.GLOBAL, index);
    GlobalType type = TypeSyntax.globalType(in);
    if (imported != null) {
      in.rparen();
      imports.add(new Import(imported[0], imported[1], new ImportDesc.Global(type)));
      return;
    }
    ConstExpr init = segments.constExpr();
    in.rparen();
    globals.add(new Global(type, init));
  }

  private void exportField() {
    String name = name(in.expect(Token.Kind.STRING));
    in.lparen();
    Token kind = in.next();
    Export e = switch (kind.text()) {
      case "func" -> new Export(name, ExternKind.FUNC, index(d.funcs));
      case "table" -> new Export(name, ExternKind.TABLE, index(d.tables));
      case "memory" -> new Export(name, ExternKind.MEMORY, index(d.memories));
      case "global" -> new Export(name, ExternKind.GLOBAL, index(d.globals));
      default -> throw Tokens.error("unexpected token", kind);
    };
    in.rparen();
    in.rparen();
    exports.add(e);
  }

  /** A name: a string whose bytes are valid UTF-8. */
  static String name(Token t) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(t.bytes()))
          .toString();
    } catch (CharacterCodingException e) {
      throw Tokens.error("malformed UTF-8 encoding", t);
    }
  }
}
