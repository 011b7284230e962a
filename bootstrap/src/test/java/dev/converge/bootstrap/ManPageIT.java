package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The man pages the build wrote at {@code package} (target/man, troff rendered by Asciidoctor from
 * the AsciiDoc that ManPages generated): converge(1) names every command of the live command model,
 * and each command has its own page with every option, labelled as in its --help.
 */
class ManPageIT {

  private static final Path PAGES = Path.of("target", "man");

  @Test
  void convergeOneNamesEveryCommandAndEachCommandHasItsPageWithEveryOption() throws IOException {
    String converge = page("converge");
    assertTrue(converge.startsWith("'\\\" t") && converge.contains(".TH \"CONVERGE\" \"1\""), "not troff: " + converge);
    CommandLine root = TestComponents.quiet().commandLine();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, CommandLine> command : root.getSubcommands().entrySet()) {
      String name = command.getKey();
      if (!converge.contains("\\fB" + name + "\\fP")) {
        missing.add("converge(1) lacks " + name);
      }
      String own = page("converge-" + name);
      for (OptionSpec option : command.getValue().getCommandSpec().options()) {
        if (!option.hidden() && !own.contains("\\fB" + option.longestName().replace("-", "\\-") + "\\fP")) {
          missing.add("converge-" + name + "(1) lacks " + option.longestName());
        }
      }
      assertFalse(own.matches("(?s).*\\\\fI<[a-z]\\w*>\\\\fP.*"), "a value labelled with a field's name: converge-" + name);
      // picocli's own help command has neither (CommandHelp leaves it as it is).
      assertTrue(name.equals("help") || own.contains(".SH \"EXIT STATUSES:\"") && own.contains(".SH \"EXAMPLES:\""),
          "converge-" + name);
    }
    assertTrue(missing.isEmpty(), missing.toString());
  }

  private static String page(String name) throws IOException {
    Path page = PAGES.resolve(name + ".1");
    assertTrue(Files.isRegularFile(page), page.toAbsolutePath() + " was not built (mvn package writes it)");
    return Files.readString(page, StandardCharsets.UTF_8);
  }
}
