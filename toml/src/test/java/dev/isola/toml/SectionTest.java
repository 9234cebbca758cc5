package dev.isola.toml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/** The shared reading machinery on its own; the system file's and board files' tests cover it in use. */
class SectionTest {
  private static final Path FILE = Path.of("f.toml");

  private final List<Problem> problems = new ArrayList<>();

  private Section root(String text) {
    TomlParseResult toml = Toml.parse(text);
    assertEquals(List.of(), Problem.syntax(FILE, toml));
    return new Section(toml, "", new Locator(FILE), problems);
  }

  private List<String> problems() {
    return Problem.sorted(problems).stream().map(Problem::toString).toList();
  }

  @Test
  void typesRangesAndUnknownKeysAreReportedAndReadingGoesOn() {
    Section root = root("""
        [a]
        n = "x"
        m = 7
        typo = 1
        list = [1, "two", 3]
        """);
    Section a = root.table("a").orElseThrow();
    assertEquals(Optional.empty(), a.integer("n"));
    assertEquals(Optional.empty(), a.integer("m", 0, 5));
    assertEquals(Optional.of(List.of(1L, 3L)), a.integers("list"));
    assertEquals(Optional.empty(), a.requiredString("gone"));
    a.finish();
    root.finish();
    assertEquals(List.of(
        "f.toml:1:1: a: missing required key \"gone\"",
        "f.toml:2:1: a.n: expected an integer, found a string \"x\"",
        "f.toml:3:1: a.m: must be between 0 and 5, found 7",
        "f.toml:4:1: a.typo: unknown key",
        "f.toml:5:1: a.list[1]: expected an integer, found a string \"two\""), problems());
  }

  @Test
  void aLaterProblemIsPlacedAtItsKeyOrNearestAncestor() {
    Locator locator = new Locator(FILE);
    new Section(Toml.parse("x = 1\n[t]\ny = [2]\n"), "", locator, problems).table("t");
    assertEquals("f.toml:3:1: t.y: late", locator.problem("t.y", "late").toString());
    assertEquals("f.toml:2:1: t.z[0]: absent", locator.problem("t.z[0]", "absent").toString());
    assertEquals("f.toml: q: nowhere", locator.problem("q", "nowhere").toString());
  }

  @Test
  void propertiesAreFlatPlainValues() {
    Section root = root("""
        [p]
        s = "v"
        f = 1.5
        b = true
        nested = { no = 1 }
        """);
    assertEquals(Map.of("s", "v", "f", 1.5, "b", true), root.properties("p"));
    assertEquals(List.of("f.toml:5:1: p.nested: expected a string, number, boolean or array, found a table"),
        problems());
  }

  @Test
  void syntaxErrorsAndUnreadableFilesAreProblemsToo() {
    List<Problem> syntax = Problem.syntax(FILE, Toml.parse("a = \n"));
    assertEquals(1, syntax.size());
    assertEquals(1, syntax.getFirst().line());
    // tomlj's own position suffix is cut: the position is already in front.
    assertFalse(syntax.getFirst().message().contains("(line "), syntax.getFirst().message());
    assertEquals("f.toml: no such file", Problem.unreadable(FILE, new NoSuchFileException("f.toml")).toString());
    assertEquals("f.toml: cannot read: denied", Problem.unreadable(FILE, new IOException("denied")).toString());
  }
}
