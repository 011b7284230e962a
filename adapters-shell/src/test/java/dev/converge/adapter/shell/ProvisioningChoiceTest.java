package dev.converge.adapter.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.domain.failure.ConvergeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

class ProvisioningChoiceTest {

  @Command(name = "root", subcommands = {Schema.class, Rollback.class})
  static final class Root implements Runnable {
    @Override
    public void run() {}
  }

  /** The two provisioning options, declared as the schema and rollback commands declare them. */
  abstract static class Provisioned implements Runnable {
    @Spec CommandSpec spec;

    @Option(names = "--flyway-location")
    String flywayLocation;

    @Option(names = "--provision-command")
    String provisionCommand;

    ProvisioningChoice choice;

    @Override
    public void run() {
      choice = ProvisioningChoice.of(spec, flywayLocation, provisionCommand);
    }
  }

  @Command(name = "schema")
  static final class Schema extends Provisioned {}

  @Command(name = "rollback")
  static final class Rollback extends Provisioned {}

  private final ConfiguredDefaults defaults = new ConfiguredDefaults(name -> null);

  private ProvisioningChoice run(Map<String, String> file, String... args) {
    CommandLine root = new CommandLine(new Root());
    root.setDefaultValueProvider(defaults);
    defaults.load("converge.yml", file, root);
    CommandLine.ParseResult parsed = root.parseArgs(args);
    Provisioned command = (Provisioned) parsed.subcommand().commandSpec().userObject();
    command.run();
    return command.choice;
  }

  @Test
  void theCommandLineOverridesTheOtherOptionFromTheConfigurationInsteadOfClashing() {
    ProvisioningChoice choice = run(Map.of("schema.flyway-location", "filesystem:/m"), "schema", "--provision-command",
        "kratos migrate sql -e --yes");

    assertNull(choice.flywayLocation());
    assertEquals(List.of("kratos", "migrate", "sql", "-e", "--yes"), choice.command());
  }

  @Test
  void rollbackProvisionsAsTheSchemaSectionOfTheConfigurationSays() {
    ProvisioningChoice choice = run(Map.of("schema.flyway-location", "filesystem:/m"), "rollback");

    assertEquals("filesystem:/m", choice.flywayLocation());
    assertTrue(choice.given());
  }

  @Test
  void bothOnTheLineOrBothConfiguredIsRefused() {
    assertThrows(ConvergeException.class, () -> run(Map.of(), "schema", "--flyway-location", "a",
        "--provision-command", "b"));
    ConvergeException configured = assertThrows(ConvergeException.class, () -> run(Map.of(
        "schema.flyway-location", "a", "schema.provision-command", "b"), "schema"));
    assertTrue(configured.getMessage().contains("converge.yml"), configured.getMessage());
  }
}
