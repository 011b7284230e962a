package dev.converge.adapter.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --dry-run} says what would be done and touches nothing: any use of a session or work directory fails here. */
class DryRunTest {

  private final StringWriter out = new StringWriter();

  private CommandLine commandLine() {
    PhaseContext context = new PhaseContext(settings -> {
      throw new AssertionError("a dry run connected");
    }, directory -> {
      throw new AssertionError("a dry run opened the work directory");
    }, report -> "{\"rendered\": true}", new PrintWriter(out, true),
        new TerminalProgressAdapter(new PrintWriter(new StringWriter())), failure -> 1, new RunControl(), name -> null);
    CommandLine root = new CommandLine(new ConvergeCommand(new PrintWriter(out, true)));
    root.addSubcommand(new MigrateCommand(context));
    root.addSubcommand(new RollbackCommand(context));
    root.addSubcommand(new SyncCommand(context));
    root.setErr(new PrintWriter(out, true));
    return root;
  }

  @Test
  void migrateSaysEachPhaseItWouldRunAndConnectsToNothing() {
    int status = commandLine().execute("migrate", "--dry-run", "--flyway-location", "filesystem:db", "--parallel", "8",
        "--source-database", "app", "--source-user", "migrator", "--target-database", "app", "--target-user", "app",
        "--work-dir", "run-1");

    assertEquals(0, status, out.toString());
    String text = out.toString();
    assertTrue(text.startsWith("migrate --dry-run: nothing was done; it would:"), text);
    assertTrue(text.contains("1. connect to ") && text.contains("Flyway migrations of filesystem:db")
        && text.contains("8 at once") && text.contains("one pipeline") && text.contains("verify:"), text);
  }

  @Test
  void rollbackSaysWhatItWouldEmptyAndThatItNeedsYes() {
    int status = commandLine().execute("rollback", "--dry-run", "--source-database", "app", "--source-user", "migrator",
        "--target-database", "app", "--target-user", "app", "--work-dir", "run-1");

    assertEquals(0, status, out.toString());
    assertTrue(out.toString().contains("empty every table of the plan in run-1")
        && out.toString().contains("without --yes"), out.toString());
  }

  @Test
  void syncSaysWhatItWouldCompareAndWriteAndConnectsToNothing() {
    int status = commandLine().execute("sync", "--dry-run", "--parallel", "2", "--source-database", "app",
        "--source-user", "migrator", "--target-database", "app", "--target-user", "app", "--work-dir", "run-1");

    String text = out.toString();
    assertEquals(0, status, text);
    assertTrue(text.startsWith("sync --dry-run: nothing was done; it would:") && text.contains("2 at once")
        && text.contains("write only the rows that differ") && text.contains("prove the result"), text);
  }

  @Test
  void aDryRunInJsonIsOneDocument() {
    assertEquals(0, commandLine().execute("rollback", "--dry-run", "--drop", "--output", "json", "--source-database",
        "app", "--source-user", "migrator", "--target-database", "app", "--target-user", "app"));
    assertEquals("{\"rendered\": true}", out.toString().strip());
  }
}
