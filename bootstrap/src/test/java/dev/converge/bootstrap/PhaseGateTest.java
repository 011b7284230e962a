package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.converge.adapter.json.JsonRunJournalAdapter;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.run.Phase;
import dev.converge.domain.run.PhaseOutcome;
import dev.converge.domain.run.RunJournal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The phase gate through the real command line, batch mode and the interactive shell alike: the same
 * out-of-order phase is refused in both with the same message and exit status, before anything
 * starts — no connection (none of these databases exists), and nothing written to the journal.
 */
class PhaseGateTest {

  private static final String REFUSAL =
      "import cannot run yet: the latest export has not passed validation; run validate first";

  @TempDir Path workDirectory;

  /** A run whose plan and export succeeded: validate is next, import is out of order. */
  private byte[] exportedRun() throws IOException {
    RunJournal run = RunJournal.start("run-gate", Instant.parse("2026-01-01T00:00:00Z"), "s", "t");
    for (Phase phase : List.of(Phase.PLAN, Phase.EXPORT)) {
      run = run.begin(phase, Instant.parse("2026-01-01T00:00:00Z"), null, null)
          .end(phase, Instant.parse("2026-01-01T00:01:00Z"), PhaseOutcome.SUCCEEDED, 0, "", null, List.of());
    }
    new JsonRunJournalAdapter(workDirectory).save(run);
    return Files.readAllBytes(workDirectory.resolve("run_journal.json"));
  }

  /** Options for databases nobody listens on: a phase that tried to connect would fail differently. */
  private List<String> options() {
    return List.of("--source-host", "127.0.0.1", "--source-port", "9", "--source-database", "nowhere",
        "--source-user", "nobody", "--target-host", "127.0.0.1", "--target-port", "9", "--target-database", "nowhere",
        "--target-user", "nobody", "--work-dir", workDirectory.toString());
  }

  @Test
  void batchModeAndTheShellRefuseTheSameOutOfOrderPhaseWithTheSameMessageAndNeitherJournalsIt() throws Exception {
    byte[] journal = exportedRun();

    List<String> args = new ArrayList<>(List.of("import"));
    args.addAll(options());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(ExitStatus.of(ErrorCode.CONFIGURATION), status, out + "\n" + err);
    String batch = err.toString().lines().filter(line -> line.contains("cannot run yet")).findFirst()
        .orElseThrow(() -> new AssertionError("no refusal: " + err));
    assertTrue(batch.contains(REFUSAL), batch);
    assertArrayEquals(journal, Files.readAllBytes(workDirectory.resolve("run_journal.json")),
        "batch mode journaled nothing");

    Screen screen = new Screen();
    PipedOutputStream keys = new PipedOutputStream();
    Terminal terminal = new ExternalTerminal("operator", "xterm", new PipedInputStream(keys, 1 << 16), screen,
        StandardCharsets.UTF_8);
    terminal.setSize(new Size(200, 40));
    PrintWriter writer = new PrintWriter(screen, true, StandardCharsets.UTF_8);
    Path home = Files.createDirectories(workDirectory.resolve("home"));
    CompletableFuture<Integer> shell = CompletableFuture.supplyAsync(() -> Main.run(new String[] {"shell"}, writer,
        writer, () -> terminal, OperatorEnvironment.of(Map.of("HOME", home.toString())), false));
    screen.await("converge shell");
    keys.write(("import " + String.join(" ", options()) + "\r").getBytes(StandardCharsets.UTF_8));
    keys.flush();
    screen.await(REFUSAL);
    String shellLine = screen.text().lines().filter(line -> line.contains("cannot run yet")).findFirst().orElseThrow();
    keys.write("exit\r".getBytes(StandardCharsets.UTF_8));
    keys.flush();
    assertEquals(0, shell.get(60, TimeUnit.SECONDS), screen.text());

    assertEquals(batch.strip(), shellLine.substring(shellLine.indexOf(batch.strip().substring(0, 10))).strip(),
        "the same message in both:\n" + screen.text());
    assertArrayEquals(journal, Files.readAllBytes(workDirectory.resolve("run_journal.json")),
        "the shell journaled nothing");
  }

  /** What the shell's terminal and commands wrote. */
  private static final class Screen extends OutputStream {
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

    void await(String text) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!text().contains(text)) {
        if (System.nanoTime() > deadline) {
          fail("waited for \"" + text + "\"; the screen shows:\n" + text());
        }
        Thread.sleep(50);
      }
    }
  }
}
