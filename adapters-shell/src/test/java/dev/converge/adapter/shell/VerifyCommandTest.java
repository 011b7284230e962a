package dev.converge.adapter.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class VerifyCommandTest {

  private static VerifyCommand command() {
    return new VerifyCommand(TestContexts.parsingOnly());
  }

  @Test
  void checklistsAndDatabaseAliasesAreRepeatableAndCommaSeparated() {
    VerifyCommand verify = command();

    new CommandLine(verify).parseArgs("--checklist", "builtin:alkemio,builtin:alkemio-kratos", "--checklist", "ops.yaml",
        "--checklist-database", "kratos=kratos_7,audit=audit_db", "--check-timeout", "PT5S");

    assertEquals(List.of("builtin:alkemio", "builtin:alkemio-kratos", "ops.yaml"), verify.checklists);
    assertEquals(Map.of("kratos", "kratos_7", "audit", "audit_db"), verify.checklistDatabases);
    assertEquals(Duration.ofSeconds(5), verify.checkTimeout);
  }

  @Test
  void withoutAChecklistNoneRuns() {
    VerifyCommand verify = command();

    new CommandLine(verify).parseArgs();

    assertEquals(List.of(), verify.checklists, "the automatic checks only");
    assertEquals(Duration.ofSeconds(60), verify.checkTimeout);
  }

  @Test
  void everyOptionOfVerifyIsDocumentedInConfigurationMd() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "configuration.md"), StandardCharsets.UTF_8);
    String section = doc.substring(doc.indexOf("## `converge verify`"), doc.indexOf("## `converge rollback`"));
    ConnectionOptions shared = new ConnectionOptions();
    List<String> sharedNames = new CommandLine(shared).getCommandSpec().options().stream()
        .map(OptionSpec::longestName).toList();

    for (OptionSpec option : new CommandLine(command()).getCommandSpec().options()) {
      String name = option.longestName();
      if (sharedNames.contains(name) || name.equals("--help")) {
        continue;
      }
      assertTrue(section.contains("| `" + name), "docs/configuration.md does not document verify's " + name);
    }
    assertTrue(section.contains("`CONVERGE_CHECKLIST`") && section.contains("`CONVERGE_CHECKLIST_DATABASE`"));
  }
}
