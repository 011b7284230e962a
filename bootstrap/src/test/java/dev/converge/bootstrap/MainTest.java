package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.adapter.shell.ShellTerminals;
import dev.converge.domain.failure.MissingPrerequisiteException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class MainTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void versionPrintsTheBuiltVersionAndSucceeds() {
    int status = Main.run(new String[] {"--version"}, new PrintWriter(out), new PrintWriter(err));
    assertEquals(0, status);
    assertTrue(out.toString().startsWith("converge " + BuildInfo.fromClasspath().version()), out.toString());
    assertFalse(BuildInfo.fromClasspath().version().contains("${"), "the version was not filtered in");
  }

  @Test
  void versionNamesTheCommitTheJarWasBuiltFrom() {
    assertEquals(0, Main.run(new String[] {"--version"}, new PrintWriter(out), new PrintWriter(err)));
    String first = out.toString().lines().findFirst().orElseThrow();
    // Built from a git checkout, the commit is known; from a copy of the sources without .git (CI's
    // unprivileged pass), it says so instead of guessing.
    boolean checkout = java.nio.file.Files.exists(java.nio.file.Path.of("..", ".git"));
    assertTrue(first.matches(checkout ? "converge \\S+ \\(commit [0-9a-f]{12}(-dirty)?\\)"
        : "converge \\S+ \\(commit unknown\\)"), first);
  }

  @Test
  void helpDescribesTheToolAndSucceeds() {
    int status = Main.run(new String[] {"--help"}, new PrintWriter(out), new PrintWriter(err));
    assertEquals(0, status);
    assertTrue(out.toString().contains("Usage: converge"), out.toString());
    assertTrue(out.toString().contains("--verbose"), out.toString());
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    int status = Main.run(new String[] {"--no-such-option"}, new PrintWriter(out), new PrintWriter(err));
    assertEquals(2, status);
    assertTrue(err.toString().contains("Unknown option: '--no-such-option'"), err.toString());
  }

  @Test
  void aFailureIsOneCleanMessageWithTheExitStatusOfItsClass() {
    int status = commandLineWithFailingPhase().execute("failing");
    assertEquals(ExitStatus.of(dev.converge.domain.failure.ErrorCode.PREREQUISITE), status);
    assertTrue(err.toString().contains("libaio1"), err.toString());
    assertTrue(err.toString().contains("apt-get install libaio1"), err.toString());
    assertFalse(err.toString().contains("\tat "), "no stack trace without --verbose:\n" + err);
  }

  @Test
  void verboseAddsTheStackTrace() {
    int status = commandLineWithFailingPhase().execute("failing", "--verbose");
    assertEquals(4, status);
    assertTrue(err.toString().contains("\tat "), err.toString());
  }

  private CommandLine commandLineWithFailingPhase() {
    ConvergeComponent component = DaggerConvergeComponent.factory()
        .create(BuildInfo.fromClasspath(), new PrintWriter(out, true), new PrintWriter(err, true),
            java.time.Clock.systemUTC(), ShellTerminals.system(), OperatorEnvironment.of(Map.of()));
    CommandLine commandLine = component.commandLine();
    commandLine.addSubcommand(new FailingPhase());
    return commandLine;
  }

  @Command(name = "failing")
  static final class FailingPhase implements Runnable {
    @Override
    public void run() {
      throw new MissingPrerequisiteException("libaio1", "apt-get install libaio1", null);
    }
  }

  @Test
  void theCommandIsTheFirstWordThatIsNeitherAnOptionNorTheConfigurationFile() {
    assertEquals("demo", Main.commandName(new String[] {"demo", "--scale", "0.1"}));
    assertEquals("demo", Main.commandName(new String[] {"--config", "ops.yml", "demo"}));
    assertEquals("plan", Main.commandName(new String[] {"--config=ops.yml", "plan"}));
    assertEquals("", Main.commandName(new String[] {"--version"}));
  }

  @Test
  void theGivenEnvironmentIsTheOneConvergeReads() {
    int status = Main.run(new String[] {"status", "--work-dir", "no-such-run"}, new PrintWriter(out), new PrintWriter(err),
        ShellTerminals.system(), OperatorEnvironment.of(Map.of("CONVERGE_CONFIG", "no-such-converge.yml")), false);

    assertEquals(3, status, err.toString());
    assertTrue(err.toString().contains("no-such-converge.yml"), err.toString());
  }
}
