package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.adapter.json.JsonRunJournalAdapter;
import dev.converge.dataset.DatasetOptions;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.run.Phase;
import dev.converge.domain.run.PhaseOutcome;
import dev.converge.domain.run.PhaseRun;
import dev.converge.domain.run.RunJournal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch mode as automation sees it: options from converge.yml, an exit status per failure class,
 * the journal of a failed run, and a full migrate with its report.
 */
class BatchModeIT {

  @TempDir Path workDirectory;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int converge(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void everyConnectionSettingCanComeFromConvergeYml() throws IOException {
    Rehearsal run = Rehearsal.of("kratos", EmbeddedServers.mySql(), DatasetOptions.clean(0.001), true, workDirectory);
    Path config = workDirectory.resolve("converge.yml");
    Files.writeString(config, String.join("\n",
        "source:",
        "  host: " + run.source.host(),
        "  port: " + run.source.port(),
        "  database: " + run.source.database(),
        "  user: " + run.source.user(),
        "target:",
        "  host: " + run.target.host(),
        "  port: " + run.target.port(),
        "  database: " + run.target.database(),
        "  user: " + run.target.user(),
        "work-dir: " + workDirectory.resolve("run"),
        "export:",
        "  parallel: 1",
        ""), StandardCharsets.UTF_8);

    assertEquals(0, converge("connect", "--config", config.toString()), out + "\n" + err);
    assertTrue(out.toString().contains("Connected: source " + run.source.user() + "@"), out.toString());
    RunJournal journal = new JsonRunJournalAdapter(workDirectory.resolve("run")).load().orElseThrow();
    assertEquals(Phase.CONNECT, journal.phases().get(0).phase());
    assertTrue(journal.target().contains("/" + run.target.database()), journal.target());
  }

  @Test
  void aMisspeltOrSecretKeyInConvergeYmlIsAConfigurationError() throws IOException {
    Path config = workDirectory.resolve("converge.yml");
    Files.writeString(config, "sorce:\n  host: mysql.internal\n", StandardCharsets.UTF_8);
    assertEquals(ExitStatus.of(ErrorCode.CONFIGURATION), converge("plan", "--config", config.toString()));
    assertTrue(err.toString().contains("unknown key(s) sorce.host"), err.toString());

    Files.writeString(config, "target:\n  password: hunter2\n", StandardCharsets.UTF_8);
    assertEquals(ExitStatus.of(ErrorCode.CONFIGURATION), converge("plan", "--config", config.toString()));
    assertTrue(err.toString().contains("target.password") && !err.toString().contains("hunter2"), err.toString());
  }

  @Test
  void anUnreachableDatabaseIsAConnectionFailureAndTheJournalSaysSo() throws IOException {
    Rehearsal run = Rehearsal.of("kratos", EmbeddedServers.mySql(), DatasetOptions.clean(0.001), true, workDirectory);
    List<String> args = new ArrayList<>(run.arguments("plan"));
    args.set(args.indexOf("--target-port") + 1, String.valueOf(unusedPort()));

    assertEquals(ExitStatus.of(ErrorCode.CONNECTION), converge(args.toArray(String[]::new)), out + "\n" + err);
    PhaseRun plan = new JsonRunJournalAdapter(workDirectory).load().orElseThrow().latest(Phase.PLAN).orElseThrow();
    assertEquals(PhaseOutcome.FAILED, plan.outcome());
    assertEquals(ExitStatus.of(ErrorCode.CONNECTION), plan.exitStatus());
    assertTrue(plan.error() != null && !plan.error().isBlank(), plan.toString());
  }

  @Test
  void migrateStopsAtTheFirstFailingPhaseWithItsStatus() {
    Rehearsal run = Rehearsal.of("alkemio", EmbeddedServers.mySql(), DatasetOptions.clean(0.001).withDirtyRows(), true,
        workDirectory);
    assertEquals(ExitStatus.of(ErrorCode.PLAN_BLOCKED), run.converge("migrate"), run.output());
    RunJournal journal = new JsonRunJournalAdapter(workDirectory).load().orElseThrow();
    assertEquals(PhaseOutcome.FAILED, journal.latest(Phase.PLAN).orElseThrow().outcome());
    assertTrue(journal.latest(Phase.EXPORT).isEmpty(), "nothing after the blocked plan ran: " + journal.phases());
  }

  @Test
  void migrateRunsEveryPhaseAndTheReportProjectsTheCutOver() throws IOException {
    Rehearsal run = Rehearsal.of("kratos", EmbeddedServers.mySql(), DatasetOptions.clean(0.002), false, workDirectory);
    assertEquals(0, run.converge("migrate", "--flyway-location", run.dataset.postgresMigrationLocation(), "--parallel", "2"),
        run.output());
    assertTrue(run.out.toString().contains("Verification: PASS"), run.output());
    assertEquals(0, converge("report", "--work-dir", workDirectory.toString(), "--production-rows", "3500000"),
        out + "\n" + err);
    assertTrue(out.toString().contains("Projected cut-over:"), out.toString());
    String report = Files.readString(workDirectory.resolve("run_report.md"), StandardCharsets.UTF_8);
    assertTrue(report.contains("production rows: 3,500,000") && report.contains("Verification: **PASS**"), report);
    assertEquals(0, converge("status", "--work-dir", workDirectory.toString()));
    assertTrue(out.toString().contains("Next: converge report"), out.toString());
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
