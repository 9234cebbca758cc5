package dev.isola.compiler.aot;

import dev.isola.compiler.aot.ArtifactException.Reason;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.util.Map;
import java.util.Set;

/**
 * What the classes of an artifact may refer to: the compiler's runtime support, the runtime, and a few
 * {@code java.lang} classes of arithmetic, exceptions and method handles. Checked before they are defined.
 *
 * <p>Why: an artifact is JVM bytecode, which runs with all of Isola's rights, while a module runs sandboxed. The
 * checksum catches damage, not a forged file; without this check, whoever can write {@code app.wasm.aot} beside
 * a module (which {@code exec} picks up by itself) could run any Java code, where writing {@code app.wasm} only
 * runs sandboxed Wasm. Every use of another class goes through a class entry of the constant pool (method and
 * field owners, superclasses, bootstrap methods of invokedynamic, {@code Class.forName} needs {@code
 * java/lang/Class}), so allowing only these entries keeps a forged class from reaching files, processes,
 * reflection or {@code MethodHandles.lookup()}. It is defence in depth, not a signature: keep artifacts where only
 * their owner can write.
 *
 * <p>Must stay in step with what the compiler emits: a reference outside the list makes every artifact
 * "unloadable" (the module is then compiled again, with a warning), which the AOT tests catch.
 */
final class CodeReferences {
  private static final Set<String> PREFIXES = Set.of("dev/isola/compiler/emit/", "dev/isola/runtime/");
  private static final Set<String> JAVA = Set.of(
      "java/lang/Object", "java/lang/Math", "java/lang/StrictMath", "java/lang/Number", "java/lang/Integer",
      "java/lang/Long", "java/lang/Float", "java/lang/Double", "java/lang/Short", "java/lang/Byte",
      "java/lang/Character", "java/lang/Boolean", "java/lang/String", "java/lang/Throwable", "java/lang/Exception",
      "java/lang/RuntimeException", "java/lang/Error", "java/lang/StackOverflowError",
      "java/lang/ArithmeticException", "java/lang/IndexOutOfBoundsException",
      "java/lang/ArrayIndexOutOfBoundsException", "java/lang/NullPointerException",
      "java/lang/ClassCastException", "java/lang/NegativeArraySizeException", "java/lang/OutOfMemoryError",
      "java/lang/invoke/MethodHandle", "java/lang/invoke/VarHandle");

  private CodeReferences() {}

  /** Rejects {@code classFiles} unless every class they name is allowed (or is one of them). */
  static void check(Map<String, byte[]> classFiles) throws ArtifactException {
    for (Map.Entry<String, byte[]> e : classFiles.entrySet()) {
      String forbidden = null;
      try {
        // The pool is read lazily: damage may surface while iterating, so both sit in the try.
        ClassModel model = ClassFile.of().parse(e.getValue());
        for (PoolEntry p : model.constantPool()) {
          if (p instanceof ClassEntry c && !allowed(c.asInternalName(), classFiles)) {
            forbidden = c.asInternalName();
            break;
          }
        }
      } catch (IllegalArgumentException | IndexOutOfBoundsException x) {
        throw new ArtifactException(Reason.UNLOADABLE, "unloadable: " + e.getKey() + " is not a class file");
      }
      if (forbidden != null) {
        throw new ArtifactException(Reason.FORBIDDEN, "refused: class " + e.getKey() + " refers to "
            + forbidden + ", which compiled Wasm never uses");
      }
    }
  }

  private static boolean allowed(String name, Map<String, byte[]> classFiles) {
    int dims = 0;
    while (dims < name.length() && name.charAt(dims) == '[') {
      dims++;
    }
    if (dims > 0) {
      // An array: of a primitive (one letter), or "L...;" of a class checked like any other.
      String element = name.substring(dims);
      return element.length() == 1
          || (element.startsWith("L") && element.endsWith(";")
              && allowed(element.substring(1, element.length() - 1), classFiles));
    }
    if (JAVA.contains(name) || classFiles.containsKey(name)) {
      return true;
    }
    for (String prefix : PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
