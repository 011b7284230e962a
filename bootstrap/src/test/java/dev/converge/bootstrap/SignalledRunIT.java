package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.converge.adapter.json.JsonImportJournalAdapter;
import dev.converge.adapter.json.JsonManifestFileAdapter;
import dev.converge.adapter.json.JsonPlanFileAdapter;
import dev.converge.adapter.json.JsonRunJournalAdapter;
import dev.converge.dataset.DatasetOptions;
import dev.converge.domain.plan.TablePlan;
import dev.converge.domain.run.Phase;
import dev.converge.domain.run.PhaseOutcome;
import dev.converge.domain.run.PhaseRun;
import dev.converge.domain.run.RunJournal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (Kubernetes stopping a pod) and SIGINT sent to a real converge JVM in the middle of a
 * phase: it stops within the bound with 143 or 130 and one line saying how to resume, the journal
 * says CANCELLED, status names the phase to run again, and running it again ends as an
 * uninterrupted run ends.
 */
class SignalledRunIT {

  private static final double SCALE = 0.05;
  private static final Duration WAIT = Duration.ofMinutes(3);
  /** The stop bound the child is given, plus the time a JVM needs to exit. */
  private static final Duration STOPPED_WITHIN = Duration.ofSeconds(10 + 15);

  @TempDir Path workDirectory;

  @Test
  void sigtermDuringImportRollsBackTheOpenTableAndTheRerunEndsAsAnUninterruptedImport() throws Exception {
    Rehearsal run = Rehearsal.of("alkemio", EmbeddedServers.mySql(), DatasetOptions.clean(SCALE), true, workDirectory);
    for (String phase : new String[] {"plan", "export", "validate"}) {
      assertEquals(0, run.converge(phase), phase + ": " + run.output());
    }
    List<String> tables = new JsonPlanFileAdapter(workDirectory).load().orElseThrow().tables().stream()
        .map(TablePlan::targetTable).toList();
    String migrationId = new JsonManifestFileAdapter(workDirectory).latest().orElseThrow().manifest().migrationId();
    JsonImportJournalAdapter imports = new JsonImportJournalAdapter(workDirectory);

    Process importing = start(run, "import", "--parallel", "1");
    await(importing, () -> Files.exists(workDirectory.resolve("import_journal.json"))
        && !imports.committed(migrationId).isEmpty());
    importing.destroy();
    assertStopped(importing, 143, "SIGTERM");
    int committed = imports.committed(migrationId).size();
    assertTrue(committed < tables.size(), "the signal came after the last table");
    assertCancelled(Phase.IMPORT);

    assertStatusNames("converge import");
    assertEquals(0, run.converge("import"), "the re-run: " + run.output());
    assertEquals(0, run.converge("verify"), run.output());
    Map<String, String> resumed = KilledImportIT.endState(run, tables);

    assertEquals(0, run.converge("rollback", "--yes"), run.output());
    assertEquals(0, run.converge("import"), "uninterrupted: " + run.output());
    assertEquals(KilledImportIT.endState(run, tables), resumed, "the resumed import ends as an uninterrupted one");
  }

  @Test
  void sigintDuringExportStopsItAndTheRerunExportsEverything() throws Exception {
    Rehearsal run = Rehearsal.of("alkemio", EmbeddedServers.mySql(), DatasetOptions.clean(SCALE), true, workDirectory);
    assertEquals(0, run.converge("plan"), run.output());

    Process exporting = start(run, "export", "--parallel", "1", "--part-size", "256KiB");
    await(exporting, () -> csvFiles() >= 2);
    new ProcessBuilder("kill", "-INT", String.valueOf(exporting.pid())).start().waitFor();
    assertStopped(exporting, 130, "SIGINT");
    assertCancelled(Phase.EXPORT);

    assertStatusNames("converge export");
    for (String phase : new String[] {"export", "validate", "import", "verify"}) {
      assertEquals(0, run.converge(phase), phase + " after the interrupted export: " + run.output());
    }
  }

  private void assertStatusNames(String next) {
    StringWriter out = new StringWriter();
    assertEquals(0, Main.run(new String[] {"status", "--work-dir", workDirectory.toString()}, new PrintWriter(out, true),
        new PrintWriter(out, true)), out.toString());
    assertTrue(out.toString().contains(next), "status names the phase to run again: " + out);
  }

  private Process start(Rehearsal run, String phase, String... options) throws IOException {
    return ChildConverge.process(workDirectory, run.arguments(phase, options),
            Map.of("CONVERGE_LOG_FILE", workDirectory.resolve("signalled.log").toString(), "CONVERGE_STOP_TIMEOUT", "10s"))
        .redirectOutput(workDirectory.resolve("signalled.out").toFile())
        .redirectError(workDirectory.resolve("signalled.err").toFile())
        .start();
  }

  private void await(Process child, BooleanSupplier reached) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        fail("the phase ended (status " + child.exitValue() + ") before the signal could be sent; raise SCALE: "
            + childOutput());
      }
      if (reached.getAsBoolean()) {
        return;
      }
      Thread.sleep(5);
    }
    child.destroyForcibly();
    fail("the phase did not get far enough within " + WAIT + ": " + childOutput());
  }

  private void assertStopped(Process child, int status, String signal) throws Exception {
    boolean ended = child.waitFor(STOPPED_WITHIN.toSeconds(), TimeUnit.SECONDS);
    if (!ended) {
      child.destroyForcibly();
    }
    assertTrue(ended, "not stopped within " + STOPPED_WITHIN + ": " + childOutput());
    assertEquals(status, child.exitValue(), childOutput());
    String err = Files.readString(workDirectory.resolve("signalled.err"), StandardCharsets.UTF_8);
    assertTrue(err.contains("stopped by " + signal) && err.contains("Run the same command again to resume"), err);
  }

  private void assertCancelled(Phase phase) {
    RunJournal journal = new JsonRunJournalAdapter(workDirectory).load().orElseThrow();
    PhaseRun latest = journal.latest(phase).orElseThrow();
    assertEquals(PhaseOutcome.CANCELLED, latest.outcome(), latest.toString());
  }

  private long csvFiles() {
    try (Stream<Path> files = Files.list(workDirectory)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".csv")).count();
    } catch (IOException e) {
      return 0;
    }
  }

  private String childOutput() throws IOException {
    return Files.readString(workDirectory.resolve("signalled.out")) + "\n--- stderr ---\n"
        + Files.readString(workDirectory.resolve("signalled.err"));
  }
}
