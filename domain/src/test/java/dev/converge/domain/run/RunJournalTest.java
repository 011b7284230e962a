package dev.converge.domain.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunJournalTest {

  private static final Instant T0 = Instant.parse("2026-11-22T01:00:00Z");

  private RunJournal journal = RunJournal.start("run-1", T0, "app@mysql:3306/alkemio", "app@pg:5432/alkemio (public)");
  private int minute;

  private void run(Phase phase, PhaseOutcome outcome, TableOutcome... tables) {
    Instant start = T0.plusSeconds(60L * minute++);
    journal = journal.begin(phase, start, null, null)
        .end(phase, start.plusSeconds(30), outcome, outcome == PhaseOutcome.SUCCEEDED ? 0 : 9, phase.command(),
            outcome == PhaseOutcome.SUCCEEDED ? null : "boom", List.of(tables));
  }

  @Test
  void aFreshRunMayPlanButNotExport() {
    assertEquals(Phase.PLAN, journal.next());
    assertTrue(journal.refusal(Phase.EXPORT).orElseThrow().contains("run plan first"));
    assertTrue(journal.refusal(Phase.PLAN).isEmpty());
  }

  @Test
  void aWorkDirectoryBelongsToThePairOfDatabasesItsRunUsed() {
    assertTrue(journal.otherDatabases("root@mysql:3306/other", "app@pg:5432/other (public)").isEmpty(),
        "a journal with no phase yet takes any pair");
    run(Phase.PLAN, PhaseOutcome.SUCCEEDED);
    assertTrue(journal.otherDatabases("app@mysql:3306/alkemio", "app@pg:5432/alkemio (public)").isEmpty());
    assertTrue(journal.otherDatabases("reader@mysql:3306/alkemio", "migrator@pg:5432/alkemio (public)").isEmpty(),
        "another login to the same databases");
    String other = journal.otherDatabases("app@mysql:3306/alkemio", "app@pg:5432/fleet3 (public)").orElseThrow();
    assertTrue(other.contains("holds the run from app@mysql:3306/alkemio to app@pg:5432/alkemio (public); this command"
        + " connects to app@pg:5432/fleet3 (public)") && other.contains("use a new --work-dir"), other);
    assertTrue(journal.otherDatabases("app@127.0.0.1:13306/alkemio", "app@pg.svc:5432/alkemio (public)").isEmpty(),
        "the same databases at another address (a port-forward, then the service name)");
    assertTrue(journal.otherDatabases("app@mysql:3306/alkemio", "app@pg:5432/alkemio (app)").isPresent(),
        "another target schema");
  }

  @Test
  void importNeedsAValidationNewerThanTheLatestExport() {
    run(Phase.PLAN, PhaseOutcome.SUCCEEDED);
    run(Phase.EXPORT, PhaseOutcome.SUCCEEDED, TableOutcome.done("user", TableState.EXPORTED, 10, 5));
    assertTrue(journal.refusal(Phase.IMPORT).orElseThrow().contains("run validate first"));
    assertEquals(Phase.VALIDATE, journal.next());
    run(Phase.VALIDATE, PhaseOutcome.SUCCEEDED, TableOutcome.done("user", TableState.VALIDATED, 10, 5));
    assertTrue(journal.refusal(Phase.IMPORT).isEmpty());
    run(Phase.EXPORT, PhaseOutcome.SUCCEEDED, TableOutcome.done("user", TableState.EXPORTED, 11, 5));
    assertTrue(journal.refusal(Phase.IMPORT).isPresent(), "a new export needs a new validation");
  }

  @Test
  void aFailedImportIsResumedAndVerifyWaitsForSuccess() {
    run(Phase.PLAN, PhaseOutcome.SUCCEEDED);
    run(Phase.EXPORT, PhaseOutcome.SUCCEEDED);
    run(Phase.VALIDATE, PhaseOutcome.SUCCEEDED);
    run(Phase.IMPORT, PhaseOutcome.FAILED, TableOutcome.failed("user", 0, "line 3"));
    assertEquals(Phase.IMPORT, journal.next());
    assertTrue(journal.refusal(Phase.VERIFY).isPresent());
    assertEquals(TableState.FAILED, journal.tables().get("user").state());
    run(Phase.IMPORT, PhaseOutcome.SUCCEEDED, TableOutcome.done("user", TableState.IMPORTED, 10, 5));
    assertEquals(Phase.VERIFY, journal.next());
    run(Phase.VERIFY, PhaseOutcome.SUCCEEDED, TableOutcome.done("user", TableState.VERIFIED, 10, 0));
    assertEquals(Phase.REPORT, journal.next());
    run(Phase.ROLLBACK, PhaseOutcome.SUCCEEDED);
    assertEquals(TableState.PENDING, journal.tables().get("user").state());
    assertTrue(journal.refusal(Phase.VERIFY).isPresent(), "nothing is imported after a rollback");
    assertEquals(Phase.IMPORT, journal.next());
  }

  @Test
  void syncNeedsALoadedTargetAndEndsTheWindowsPhases() {
    run(Phase.PLAN, PhaseOutcome.SUCCEEDED);
    assertTrue(journal.refusal(Phase.SYNC).orElseThrow().contains("pre-copy with migrate first"));
    assertTrue(journal.cutOverByDelta().isEmpty());
    run(Phase.EXPORT, PhaseOutcome.SUCCEEDED);
    run(Phase.VALIDATE, PhaseOutcome.SUCCEEDED);
    run(Phase.IMPORT, PhaseOutcome.SUCCEEDED, TableOutcome.done("user", TableState.IMPORTED, 10, 5));
    assertTrue(journal.refusal(Phase.SYNC).isEmpty());
    assertEquals(java.util.Optional.of(Phase.SYNC), journal.cutOverByDelta(), "the window step is offered after import");
    assertEquals(Phase.VERIFY, journal.next());
    run(Phase.SYNC, PhaseOutcome.SUCCEEDED, new TableOutcome("user", TableState.VERIFIED, 12, 3, null,
        new TableOutcome.RowChanges(2, 1, 0, false)));
    assertEquals(Phase.REPORT, journal.next(), "sync ends with the proof");
    assertEquals(new TableOutcome.RowChanges(2, 1, 0, false), journal.tables().get("user").changes());
    run(Phase.ROLLBACK, PhaseOutcome.SUCCEEDED);
    assertTrue(journal.refusal(Phase.SYNC).isPresent(), "a rolled-back target holds no pre-copy");
    assertEquals(Phase.IMPORT, journal.next());
  }

  @Test
  void theTwoStepCutOverIsProjectedFromTheMeasuredSync() {
    run(Phase.SYNC, PhaseOutcome.SUCCEEDED, TableOutcome.done("user", TableState.VERIFIED, 1_000, 3));
    DowntimeProjection.PhaseEstimate sync = DowntimeProjection.syncEstimate(journal, 10_000).orElseThrow();
    assertEquals(Duration.ofSeconds(30), sync.measured());
    assertEquals(Duration.ofSeconds(300), sync.projected(), "ten times the rows, ten times the time");
  }

  @Test
  void endingAPhaseThatNeverStartedIsADefect() {
    assertThrows(IllegalStateException.class,
        () -> journal.end(Phase.IMPORT, T0, PhaseOutcome.SUCCEEDED, 0, "", null, List.of()));
  }

  @Test
  void theProjectionScalesEachPhaseByTheProductionRows() {
    run(Phase.PLAN, PhaseOutcome.SUCCEEDED);
    run(Phase.EXPORT, PhaseOutcome.SUCCEEDED, TableOutcome.done("user", TableState.EXPORTED, 1000, 5));
    run(Phase.VALIDATE, PhaseOutcome.SUCCEEDED, TableOutcome.done("user", TableState.VALIDATED, 1000, 5));
    run(Phase.IMPORT, PhaseOutcome.SUCCEEDED, TableOutcome.done("user", TableState.IMPORTED, 1000, 5));
    DowntimeProjection partial = DowntimeProjection.of(journal, 4000, Duration.ofMinutes(30));
    assertEquals(3, partial.phases().size());
    assertTrue(!partial.fitsWindow(), "a projection without verify is incomplete");
    run(Phase.VERIFY, PhaseOutcome.SUCCEEDED, TableOutcome.done("user", TableState.VERIFIED, 1000, 0));
    DowntimeProjection projection = DowntimeProjection.of(journal, 4000, Duration.ofMinutes(30));
    // Each phase took 30 s for 1,000 rows: 4,000 rows take 120 s per phase, 8 minutes in all.
    assertEquals(Duration.ofMinutes(8), projection.total());
    assertTrue(projection.fitsWindow());
    assertTrue(!DowntimeProjection.of(journal, 40_000, Duration.ofMinutes(30)).fitsWindow());
  }

  @Test
  void theSnapshotLockWaitIsCarriedOverAsMeasuredNeverScaled() {
    Instant start = T0.plusSeconds(600);
    // 40 s of export, 30 s of which waiting for the global read lock behind someone's long query.
    journal = journal.begin(Phase.EXPORT, start, null, null).end(Phase.EXPORT, start.plusSeconds(40),
        PhaseOutcome.SUCCEEDED, 0, "", null, List.of(TableOutcome.done("user", TableState.EXPORTED, 1000, 10_000)),
        30_000);
    DowntimeProjection.PhaseEstimate export = DowntimeProjection.of(journal, 10_000, Duration.ofMinutes(30)).phases()
        .get(0);
    assertEquals(Duration.ofSeconds(40), export.measured());
    // Ten times the rows: the 10 s of reading become 100 s, the 30 s of waiting stay 30 s (not 300 s).
    assertEquals(Duration.ofSeconds(130), export.projected());
  }

  @Test
  void pipelinedPhasesCountOnceInTheProjectionAndStillGateAsInOrder() {
    run(Phase.PLAN, PhaseOutcome.SUCCEEDED);
    // migrate's pipeline: export, validate and import begin together and end one after another.
    Instant start = T0.plusSeconds(600);
    journal = journal.begin(Phase.EXPORT, start, null, null).begin(Phase.VALIDATE, start, null, null)
        .begin(Phase.IMPORT, start, null, null)
        .end(Phase.EXPORT, start.plusSeconds(100), PhaseOutcome.SUCCEEDED, 0, "", null,
            List.of(TableOutcome.done("user", TableState.EXPORTED, 1000, 100_000)))
        .end(Phase.VALIDATE, start.plusSeconds(110), PhaseOutcome.SUCCEEDED, 0, "", null,
            List.of(TableOutcome.done("user", TableState.VALIDATED, 1000, 100_000)))
        .end(Phase.IMPORT, start.plusSeconds(130), PhaseOutcome.SUCCEEDED, 0, "", null,
            List.of(TableOutcome.done("user", TableState.IMPORTED, 1000, 120_000)));
    assertEquals(Phase.VERIFY, journal.next());
    assertTrue(journal.refusal(Phase.VERIFY).isEmpty());
    assertEquals(TableState.IMPORTED, journal.tables().get("user").state());
    journal = journal.begin(Phase.VERIFY, start.plusSeconds(130), null, null).end(Phase.VERIFY, start.plusSeconds(150),
        PhaseOutcome.SUCCEEDED, 0, "", null, List.of(TableOutcome.done("user", TableState.VERIFIED, 1000, 0)));
    DowntimeProjection projection = DowntimeProjection.of(journal, 2000, Duration.ofMinutes(30));
    // 130 s of wall clock moved the data (not 100 + 110 + 130) and verify took 20 s; twice the rows, twice that.
    assertEquals(List.of(Duration.ofSeconds(100), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(20)),
        projection.phases().stream().map(DowntimeProjection.PhaseEstimate::measured).toList());
    assertEquals(Duration.ofSeconds(300), projection.total());

    // A validate run again afterwards overlaps nothing: the import keeps its own time beyond the export.
    journal = journal.begin(Phase.VALIDATE, start.plusSeconds(200), null, null).end(Phase.VALIDATE,
        start.plusSeconds(230), PhaseOutcome.SUCCEEDED, 0, "", null,
        List.of(TableOutcome.done("user", TableState.VALIDATED, 1000, 30_000)));
    assertEquals(List.of(Duration.ofSeconds(100), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(20)),
        DowntimeProjection.of(journal, 1000, Duration.ofMinutes(30)).phases().stream()
            .map(DowntimeProjection.PhaseEstimate::measured).toList());
  }
}
