package dev.converge.domain.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.domain.conversion.type.TypeMappingRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/data-mapping.md must list exactly the rule table of {@link TypeMappingRules}. */
class DataMappingDocumentTest {

  static final String BEGIN = "<!-- rules:begin (generated from TypeMappingRules; DataMappingDocumentTest checks it) -->";
  static final String END = "<!-- rules:end -->";

  @Test
  void theDocumentListsExactlyTheRuleTable() throws IOException {
    // Maven runs tests in the module directory; the docs are one level up.
    String document = Files.readString(Path.of("..", "docs", "data-mapping.md"), StandardCharsets.UTF_8);
    int begin = document.indexOf(BEGIN);
    int end = document.indexOf(END);
    String documented = document.substring(begin + BEGIN.length(), end).strip();
    assertEquals(expectedTable(), documented,
        "docs/data-mapping.md is out of date; replace the table between the markers with the expected text");
  }

  static String expectedTable() {
    List<String> lines = new java.util.ArrayList<>();
    lines.add("| MySQL types | PostgreSQL types | conversion | what happens to a value |");
    lines.add("|---|---|---|---|");
    for (TypeMappingRules.Rule rule : TypeMappingRules.rules()) {
      lines.add("| " + String.join(", ", new TreeSet<>(rule.source().dataTypes()))
          + " | " + (rule.target() == TargetFamily.ENUM ? "any enum type"
              : rule.target().typeNames().stream().sorted().collect(Collectors.joining(", ")))
          + " | `" + rule.conversion().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
          + "` | " + rule.conversion().description() + " |");
    }
    return String.join("\n", lines);
  }
}
