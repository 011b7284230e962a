package dev.converge.adapter.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code --output} is a typed {@link OutputFormat}: text or json in any case, anything else refused by name. */
class OutputOptionsTest {

  @Command(name = "probe")
  static final class Probe implements Runnable {
    @Mixin OutputOptions output = new OutputOptions();

    @Override
    public void run() {}
  }

  private static CommandLine parsed(String... args) {
    CommandLine commandLine = new CommandLine(new Probe());
    commandLine.parseArgs(args);
    return commandLine;
  }

  @Test
  void textIsTheDefaultAndJsonIsAcceptedInAnyCase() {
    assertEquals(OutputFormat.TEXT, ((Probe) parsed().getCommand()).output.format);
    CommandLine json = parsed("--output", "JSON");
    assertTrue(((Probe) json.getCommand()).output.json());
    assertTrue(OutputOptions.json(json), "the failure reporter sees it too");
    assertFalse(OutputOptions.json(parsed("--output=text")));
    assertTrue(OutputOptions.json(List.of("plan", "--output=json", "--no-such-option")));
  }

  @Test
  void anyOtherWordIsRefusedNamingTheTwo() {
    CommandLine.ParameterException refused = assertThrows(CommandLine.ParameterException.class,
        () -> parsed("--output", "yaml"));
    assertTrue(refused.getMessage().contains("--output must be text or json, not 'yaml'"), refused.getMessage());
  }
}
