package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Every command's --help and docs/configuration.md say the same: each option of each command is documented. */
class CommandDocumentationTest {

  private static final String CONNECTION_SECTION = "## Connection options (every phase)";

  @Test
  void everyOptionOfEveryCommandIsInItsSectionOfConfigurationMd() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "configuration.md"), StandardCharsets.UTF_8);
    String connection = section(doc, CONNECTION_SECTION);
    CommandLine root = commandLine();
    List<String> missing = new ArrayList<>();
    for (OptionSpec option : root.getCommandSpec().options()) {
      if (!section(doc, "## Command line").contains("`" + option.longestName())) {
        missing.add("converge " + option.longestName());
      }
    }
    for (Map.Entry<String, CommandLine> command : root.getSubcommands().entrySet()) {
      String heading = "## `converge " + command.getKey() + "`";
      if (!doc.contains(heading)) {
        missing.add(heading);
        continue;
      }
      String text = section(doc, heading);
      for (OptionSpec option : command.getValue().getCommandSpec().options()) {
        String name = option.longestName();
        boolean inherited = option.inherited() || name.equals("--help") || name.equals("--version");
        if (!inherited && !text.contains("`" + name) && !connection.contains("`" + name + "`")) {
          missing.add(command.getKey() + " " + name);
        }
      }
    }
    assertTrue(missing.isEmpty(), "undocumented in docs/configuration.md: " + missing);
  }

  @Test
  void everyCommandDescribesItselfAndEveryOptionInItsHelp() {
    for (Map.Entry<String, CommandLine> command : commandLine().getSubcommands().entrySet()) {
      String[] description = command.getValue().getCommandSpec().usageMessage().description();
      assertTrue(description.length > 0 && !description[0].isBlank(), command.getKey() + " has no description");
      for (OptionSpec option : command.getValue().getCommandSpec().options()) {
        assertTrue(option.description().length > 0 && !option.description()[0].isBlank(),
            command.getKey() + " " + option.longestName() + " has no help text");
      }
      StringWriter help = new StringWriter();
      command.getValue().usage(new PrintWriter(help));
      assertFalse(help.toString().isBlank(), command.getKey());
    }
  }

  private static CommandLine commandLine() {
    return TestComponents.quiet()
        .commandLine();
  }

  /** From the heading to the next heading of the same level. */
  private static String section(String doc, String heading) {
    int start = doc.indexOf(heading);
    if (start < 0) {
      return "";
    }
    int end = doc.indexOf("\n## ", start + heading.length());
    return doc.substring(start, end < 0 ? doc.length() : end);
  }
}
