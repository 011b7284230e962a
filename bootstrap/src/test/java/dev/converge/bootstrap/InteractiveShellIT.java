package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.converge.adapter.json.JsonRunJournalAdapter;
import dev.converge.dataset.DatasetOptions;
import dev.converge.domain.run.Phase;
import dev.converge.domain.run.PhaseOutcome;
import dev.converge.domain.run.PhaseRun;
import dev.converge.domain.run.RunJournal;
import dev.converge.domain.run.TableState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the real interactive shell the way an operator does: keystrokes into a terminal (JLine's
 * own terminal emulation over piped streams, an xterm of 120×40, Ctrl-C raising SIGINT as a login's
 * terminal does), the screen read back. A full migration,
 * help in one line per command, "did you mean" for a mistyped command, the phase gate (a refused
 * phase is not journaled), a Ctrl-C during import that is back at the prompt within the stop bound and
 * leaves the import resumable, and confirmations ("no", then "yes" to a rollback) kept out of the history.
 */
class InteractiveShellIT {

  @TempDir Path workDirectory;

  private final ScreenBuffer screen = new ScreenBuffer();
  private PipedOutputStream keys;

  @Test
  void anOperatorMigratesStepByStepAndCancelsAnImportWithCtrlC() throws Exception {
    Rehearsal run = Rehearsal.of("alkemio", EmbeddedServers.mySql(), DatasetOptions.clean(0.1), true, workDirectory);
    keys = new PipedOutputStream();
    PipedInputStream typed = new PipedInputStream(keys, 1 << 16);
    // A terminal in cooked mode, like a login's: Ctrl-C raises SIGINT (JLine's own default has no signals).
    Attributes cooked = new Attributes();
    cooked.setLocalFlag(Attributes.LocalFlag.ISIG, true);
    cooked.setLocalFlag(Attributes.LocalFlag.ICANON, true);
    cooked.setLocalFlag(Attributes.LocalFlag.ECHO, true);
    cooked.setInputFlag(Attributes.InputFlag.ICRNL, true);
    cooked.setControlChar(Attributes.ControlChar.VINTR, 3);
    cooked.setControlChar(Attributes.ControlChar.VEOF, 4);
    // JLine's own terminal emulation over the streams: a pty would send SIGINT to its own process group, not here.
    Terminal terminal = new ExternalTerminal("operator", "xterm", typed, screen, StandardCharsets.UTF_8);
    terminal.setAttributes(cooked);
    terminal.setSize(new Size(120, 40));
    PrintWriter writer = new PrintWriter(screen, true, StandardCharsets.UTF_8);
    Path home = Files.createDirectories(workDirectory.resolve("home"));
    CompletableFuture<Integer> shell = CompletableFuture.supplyAsync(() -> Main.run(new String[] {"shell"}, writer,
        writer, () -> terminal, OperatorEnvironment.of(Map.of("HOME", home.toString())), false));

    awaitScreen("converge shell", Duration.ofSeconds(30));
    type("connect " + String.join(" ", run.connectionOptions()));
    awaitScreen("Connected: source", Duration.ofSeconds(60));

    int help = screen.length();
    type("help");
    awaitScreen("  migrate    every phase in order", Duration.ofSeconds(30));
    awaitScreen("help COMMAND shows", Duration.ofSeconds(30));
    // Without the terminal's control sequences (keypad mode and the like) that precede a line.
    List<String> helpLines = screen.since(help).lines()
        .map(line -> line.replaceAll("\u001B(\\[[0-9;?]*[A-Za-z]|[=>])|\r", "")).toList();
    for (String command : TestComponents.quiet().commandLine().getSubcommands().keySet()) {
      long lines = helpLines.stream().filter(line -> line.matches("  " + command + " +\\S.*")).count();
      // Those of batch mode only (the shell itself, the demo, the completion script) are not offered at the prompt.
      assertEquals(Set.of("shell", "demo", "completion").contains(command) ? 0 : 1, lines,
          "help gives " + command + " one line:\n" + String.join("\n", helpLines));
    }
    type("exprt");
    awaitScreen("unknown command exprt (did you mean export?)", Duration.ofSeconds(30));

    type("import");
    awaitScreen("import cannot run yet", Duration.ofSeconds(30));
    String refusal = screen.text().lines().filter(line -> line.contains("import cannot run yet")).findFirst().orElseThrow();
    assertTrue(refusal.matches(".*import cannot run yet: .+; run \\w+ first.*"),
        "the refusal gives the reason and what to run: " + refusal);
    assertTrue(new JsonRunJournalAdapter(workDirectory).load().orElseThrow().latest(Phase.IMPORT).isEmpty(),
        "a refused phase is never journaled");

    type("plan");
    awaitScreen("Blockers: none", Duration.ofSeconds(120));
    type("export --parallel 2");
    awaitScreen("Manifest:", Duration.ofSeconds(300));
    type("validate");
    awaitScreen("Validation: passed", Duration.ofSeconds(300));

    int before = screen.length();
    type("import --parallel 1");
    // The first table committed: the import is under way, most tables still to load.
    await(() -> screen.since(before).contains("rows/s)"), Duration.ofSeconds(300), "a table to finish loading");
    long pressed = System.nanoTime();
    keys.write(3);
    keys.flush();
    await(() -> screen.since(before).contains("cancelling"), Duration.ofSeconds(30), "the cancel notice");
    await(() -> {
      String since = screen.since(before);
      int ended = since.indexOf("(import ended with exit status");
      return ended >= 0 && since.indexOf("]> ", ended) >= 0;
    }, Duration.ofSeconds(120), "the prompt after the cancelled import");
    Duration back = Duration.ofNanos(System.nanoTime() - pressed);
    System.out.printf("Ctrl-C during the import: back at the prompt after %d ms%n", back.toMillis());
    // The same bound a signalled batch run honours (StopSignals) before it exits anyway.
    assertTrue(back.compareTo(StopSignals.DEFAULT_BOUND) <= 0,
        "back at the prompt " + back.toMillis() + " ms after Ctrl-C, more than the bound\n" + screen.text());

    RunJournal journal = new JsonRunJournalAdapter(workDirectory).load().orElseThrow();
    PhaseRun cancelled = journal.latest(Phase.IMPORT).orElseThrow();
    assertEquals(PhaseOutcome.CANCELLED, cancelled.outcome(), journal.phases() + "\n" + screen.text());
    long imported = journal.tables().values().stream().filter(table -> table.state() == TableState.IMPORTED).count();
    assertTrue(imported >= 1 && imported < journal.tables().size(), "some tables, not all: " + journal.tables());

    int resumed = screen.length();
    type("status");
    await(() -> screen.since(resumed).contains("Next: converge import"), Duration.ofSeconds(30), "the status");
    type("import");
    await(() -> screen.since(resumed).contains("Sequences reset"), Duration.ofSeconds(300), "the import to finish");
    assertTrue(screen.since(resumed).contains("Already committed by an earlier run"), screen.text());
    type("verify");
    awaitScreen("Verification: PASS", Duration.ofSeconds(300));
    type("report");
    awaitScreen("Projected cut-over:", Duration.ofSeconds(30));

    RunJournal finished = new JsonRunJournalAdapter(workDirectory).load().orElseThrow();
    assertTrue(finished.latest(Phase.VERIFY).orElseThrow().succeeded());
    assertFalse(finished.tables().values().stream().anyMatch(table -> table.state() != TableState.VERIFIED),
        "every table verified: " + finished.tables());
    List<Phase> phases = finished.phases().stream().map(PhaseRun::phase).toList();
    assertTrue(phases.containsAll(List.of(Phase.CONNECT, Phase.PLAN, Phase.EXPORT, Phase.VALIDATE, Phase.IMPORT,
        Phase.VERIFY)), phases.toString());

    int rollback = screen.length();
    type("rollback");
    await(() -> screen.since(rollback).contains("Type yes to go on"), Duration.ofSeconds(30), "the confirmation");
    type("no");
    await(() -> screen.since(rollback).contains("Rollback not run."), Duration.ofSeconds(30), "the refusal");
    int confirmed = screen.length();
    type("rollback");
    await(() -> screen.since(confirmed).contains("Type yes to go on"), Duration.ofSeconds(30), "the confirmation");
    type("yes");
    await(() -> screen.since(confirmed).contains("Rollback:"), Duration.ofSeconds(300), "the rollback");
    type("exit");
    assertEquals(0, shell.get(60, TimeUnit.SECONDS), screen.text());
    List<String> history = Files.readAllLines(home.resolve(".converge_history"), StandardCharsets.UTF_8);
    // Both rollbacks are one entry (JLine keeps no repeated line); the answers between them none.
    assertTrue(history.stream().anyMatch(line -> line.endsWith("rollback")), "history under $HOME: " + history);
    assertFalse(history.stream().anyMatch(line -> line.matches("(.*:)?(no|yes)")),
        "the confirmations' answers are not history: " + history);
    assertTrue(new JsonRunJournalAdapter(workDirectory).load().orElseThrow().latest(Phase.ROLLBACK)
        .orElseThrow().succeeded(), "the confirmed rollback ran");
  }

  private void type(String line) throws IOException {
    keys.write((line + "\r").getBytes(StandardCharsets.UTF_8));
    keys.flush();
  }

  private void awaitScreen(String text, Duration timeout) throws InterruptedException {
    await(() -> screen.text().contains(text), timeout, "\"" + text + "\"");
  }

  private void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("waited " + timeout.toSeconds() + " s for " + what + "; the screen shows:\n" + screen.text());
      }
      Thread.sleep(100);
    }
  }

  /** Everything the terminal and the commands wrote, as text. */
  private static final class ScreenBuffer extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      bytes.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      bytes.write(b, off, len);
    }

    synchronized String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }

    synchronized int length() {
      return bytes.size();
    }

    synchronized String since(int offset) {
      byte[] all = bytes.toByteArray();
      return new String(all, offset, all.length - offset, StandardCharsets.UTF_8);
    }
  }
}
