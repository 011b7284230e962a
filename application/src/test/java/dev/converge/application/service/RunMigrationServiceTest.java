package dev.converge.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.application.port.in.ExportTablesCommand;
import dev.converge.application.port.in.ExportTablesReport;
import dev.converge.application.port.in.ImportTablesCommand;
import dev.converge.application.port.in.Parallelism;
import dev.converge.application.port.in.RunPhaseUseCase.PhaseStep;
import dev.converge.application.port.in.RunMigrationCommand;
import dev.converge.application.port.in.RunMigrationUseCase;
import dev.converge.application.port.in.ValidateFilesCommand;
import dev.converge.application.port.in.VerifyMigrationCommand;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.failure.ImportRejectedException;
import dev.converge.domain.failure.PhaseRefusedException;
import dev.converge.domain.failure.PipelineStoppedException;
import dev.converge.domain.run.Phase;
import dev.converge.domain.run.PhaseOutcome;
import dev.converge.domain.run.PhaseRun;
import dev.converge.domain.run.TableOutcome;
import dev.converge.domain.run.TableState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** migrate's order on fakes: connect, the pipeline's three phases journaled as they end, the stop at a failure. */
class RunMigrationServiceTest extends PhaseRunnerFixture {

  RunMigrationService migration() {
    return new RunMigrationService(new RecordPhaseService(journals, Optional::empty,
        Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)), journals, imports, manifestStore(), sessions,
        command -> validation.validate(command), failure -> failure instanceof ConvergeException converge ? 20 : 70);
  }

  RunMigrationCommand keptPlan(RunMigrationUseCase.Watcher watcher) {
    return new RunMigrationCommand(SETTINGS, null, null, new PhaseStep.Export(new ExportTablesCommand(new Parallelism(2), false)),
        new PhaseStep.Validate(new ValidateFilesCommand(5)), new PhaseStep.Import(new ImportTablesCommand(new Parallelism(2), false)),
        new PhaseStep.Verify(new VerifyMigrationCommand(5, List.of(), Map.of(), Duration.ofSeconds(60), new Parallelism(2))), false,
        watcher);
  }

  @Test
  void whenThePipelineStopsTheFailureSaysWhichTablesWereCommittedAndTheJournalRecordsEach() {
    journals.with(Phase.PLAN);
    ImportRejectedException rejected = new ImportRejectedException("roles", "roles.csv", 2, "name", "x", "23505",
        "duplicate key", null);
    session.transfer = (command, stages) -> {
      assertEquals(2, command.exportParallelism().tables());
      stages.exported(new ExportTablesReport(manifest("m1", "users", "roles", "grants"), "manifest.json", List.of(),
          "one snapshot", Duration.ofSeconds(1), Duration.ZERO, Optional.empty()), Instant.EPOCH,
          Map.of("users", Duration.ofMillis(1500)));
      stages.stopped(List.of("users"), List.of("roles", "grants"));
      throw rejected;
    };
    List<String> ended = new ArrayList<>();

    PipelineStoppedException stopped = assertThrows(PipelineStoppedException.class, () -> migration().migrate(
        keptPlan(new RunMigrationUseCase.Watcher() {
          @Override
          public <R> void phaseEnded(PhaseStep<R> step, R report) {
            ended.add(step.phase().command());
          }
        })));

    assertEquals(ErrorCode.IMPORT, stopped.code(), "the exit status stays the failure's");
    assertTrue(stopped.getMessage().startsWith(rejected.getMessage()), stopped.getMessage());
    assertTrue(stopped.getMessage().contains("Committed in the target (they stay; a re-run skips them): users."
        + " Not committed: roles, grants. Run the same converge migrate again"), stopped.getMessage());
    assertEquals("roles", stopped.details().get("table"), "the failure's own facts stay");
    assertEquals(List.of("users"), stopped.details().get("committed"));
    assertEquals(List.of(), ended, "no phase ended with a report to render");

    PhaseRun export = journals.journal.latest(Phase.EXPORT).orElseThrow();
    assertEquals(PhaseOutcome.SUCCEEDED, export.outcome(), "the export had finished");
    assertEquals(TableOutcome.done("users", TableState.EXPORTED, 3, 1500), export.tables().get(0));
    assertEquals(PhaseOutcome.FAILED, journals.journal.latest(Phase.VALIDATE).orElseThrow().outcome());
    PhaseRun load = journals.journal.latest(Phase.IMPORT).orElseThrow();
    assertEquals(PhaseOutcome.FAILED, load.outcome());
    Map<String, TableOutcome> tables = journals.journal.tables();
    assertEquals(TableState.IMPORTED, tables.get("users").state());
    assertEquals(3, tables.get("users").rows(), "the rows the export journaled stay");
    assertEquals(TableState.FAILED, tables.get("roles").state());
    assertTrue(tables.get("roles").error().contains("duplicate key"), tables.get("roles").toString());
    assertEquals(TableState.FAILED, tables.get("grants").state());
    assertTrue(tables.get("grants").error().startsWith("not committed: the pipeline stopped at table roles"),
        tables.get("grants").toString());
    assertTrue(journals.journal.latest(Phase.VERIFY).isEmpty(), "verify does not run after a failed pipeline");
    assertEquals(PhaseOutcome.SUCCEEDED, journals.journal.latest(Phase.CONNECT).orElseThrow().outcome());
  }

  @Test
  void keepingAPlanThatNeverSucceededIsRefusedAtTheExportAsWhenExportRunsAlone() {
    journals.with();

    PhaseRefusedException refused = assertThrows(PhaseRefusedException.class,
        () -> migration().migrate(keptPlan(null)));

    assertEquals("export cannot run yet: there is no successful plan yet; run plan first", refused.getMessage());
    assertTrue(journals.journal.latest(Phase.EXPORT).isEmpty(), "the refused phase is not journaled");
  }
}
