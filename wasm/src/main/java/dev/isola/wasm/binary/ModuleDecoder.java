package dev.isola.wasm.binary;

import dev.isola.wasm.CustomSection;
import dev.isola.wasm.DataSegment;
import dev.isola.wasm.ElementSegment;
import dev.isola.wasm.Export;
import dev.isola.wasm.Feature;
import dev.isola.wasm.FuncType;
import dev.isola.wasm.FunctionBody;
import dev.isola.wasm.Global;
import dev.isola.wasm.Import;
import dev.isola.wasm.MemoryType;
import dev.isola.wasm.NameSection;
import dev.isola.wasm.TableType;
import dev.isola.wasm.WasmModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Decodes the WebAssembly binary format (2.0, SIMD included) into a {@link WasmModule}.
 *
 * <p>Sections are read as the reference interpreter reads them: the non-custom sections in their fixed order,
 * each optional, custom sections anywhere between them. A section that is repeated or out of order is thus
 * simply not expected where it stands, and is reported as "unexpected content after last section" once every
 * known section has had its turn. A section id above 12 is "malformed section id" wherever it appears.
 */
public final class ModuleDecoder {
  private static final int MAGIC = 0x6D736100; // "\0asm" read little-endian
  private static final int VERSION = 1;
  private static final int CUSTOM = 0;
  private static final int TYPE = 1;
  private static final int IMPORT = 2;
  private static final int FUNCTION = 3;
  private static final int TABLE = 4;
  private static final int MEMORY = 5;
  private static final int GLOBAL = 6;
  private static final int EXPORT = 7;
  private static final int START = 8;
  private static final int ELEMENT = 9;
  private static final int CODE = 10;
  private static final int DATA = 11;
  private static final int DATA_COUNT = 12;
  private static final String[] SECTION_NAMES = {
    "custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code",
    "data", "data count"
  };

  private ModuleDecoder() {}

  /**
   * Decodes {@code bytes}. Proposals in {@code features} change what is well formed (e.g. a non-zero memory
   * index byte with {@link Feature#MULTI_MEMORY}).
   *
   * @throws MalformedModuleException with the spec's reason and the byte offset
   */
  public static WasmModule decode(byte[] bytes, Set<Feature> features) {
    return new Run(bytes, features).module();
  }

  public static WasmModule decode(byte[] bytes) {
    return decode(bytes, Set.of());
  }

  /** The state of one decoding: the cursor and the custom sections met so far. */
  private static final class Run {
    private final ByteReader r;
    private final InstructionDecoder instructions;
    private final SectionDecoder sections;
    private final List<CustomSection> customs = new ArrayList<>();
    private NameSection names = NameSection.EMPTY;
    private boolean namesSeen;

    Run(byte[] bytes, Set<Feature> features) {
      r = new ByteReader(bytes);
      instructions = new InstructionDecoder(r, features);
      sections = new SectionDecoder(r, instructions);
    }

    WasmModule module() {
      if (r.u32Fixed() != MAGIC) {
        throw r.error("magic header not detected", 0);
      }
      if (r.u32Fixed() != VERSION) {
        throw r.error("unknown binary version", 4);
      }
      customs();
      List<FuncType> types = section(TYPE, sections::types, List.of());
      List<Import> imports = section(IMPORT, sections::imports, List.of());
      List<Integer> functions = section(FUNCTION, sections::functions, List.of());
      List<TableType> tables = section(TABLE, sections::tables, List.of());
      List<MemoryType> memories = section(MEMORY, sections::memories, List.of());
      List<Global> globals = section(GLOBAL, sections::globals, List.of());
      List<Export> exports = section(EXPORT, sections::exports, List.of());
      Optional<Integer> start = section(START, () -> Optional.of(sections.start()), Optional.empty());
      List<ElementSegment> elements = section(ELEMENT, sections::elements, List.of());
      Optional<Integer> dataCount = section(DATA_COUNT, () -> Optional.of(sections.dataCount()), Optional.empty());
      List<FunctionBody> code = section(CODE, () -> CodeSectionDecoder.decode(r, instructions), List.of());
      boolean codeUsesDataIndex = instructions.usesDataIndex();
      boolean hasDataSection = peekId() == DATA;
      List<DataSegment> data = section(DATA, sections::data, List.of());
      r.section(null);
      if (!r.atEnd()) {
        throw r.error("unexpected content after last section", r.pos());
      }
      if (functions.size() != code.size()) {
        throw r.error("function and code section have inconsistent lengths", r.length());
      }
      if (dataCount.isPresent() && dataCount.get() != data.size()) {
        throw r.error("data count and data section have inconsistent lengths", r.length());
      }
      // Without a data section there is no segment that memory.init or data.drop could name: the validator
      // reports the index as unknown (as the testsuite expects of such modules written in the text format).
      if (dataCount.isEmpty() && codeUsesDataIndex && hasDataSection) {
        throw r.error("data count section required", r.length());
      }
      return new WasmModule(types, imports, functions, tables, memories, globals, exports, start, elements,
          dataCount, code, data, customs, names);
    }

    /**
     * The section {@code id} if it comes next (then any custom sections after it), else {@code absent}.
     */
    private <T> T section(int id, Supplier<T> reader, T absent) {
      if (peekId() != id) {
        return absent;
      }
      T result = sized(id, size -> reader.get());
      customs();
      return result;
    }

    /** Id, size, then the payload, which must end exactly where the size says. */
    private <T> T sized(int id, IntFunction<T> reader) {
      r.u8();
      r.section(SECTION_NAMES[id]);
      int size = r.len();
      int start = r.pos();
      T result = reader.apply(size);
      if (r.pos() != start + size) {
        throw r.error("section size mismatch", start);
      }
      r.section(null);
      return result;
    }

    private void customs() {
      while (peekId() == CUSTOM) {
        CustomSection c = sized(CUSTOM, sections::custom);
        customs.add(c);
        if (!namesSeen && c.name().equals("name")) {
          namesSeen = true;
          names = NameSectionDecoder.decode(c.payload());
        }
      }
    }

    /** The id of the next section, or -1 at the end of the module. */
    private int peekId() {
      int id = r.peek();
      if (id > DATA_COUNT) {
        throw r.error("malformed section id", r.pos());
      }
      return id;
    }
  }
}
