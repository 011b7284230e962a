package dev.converge.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.port.in.ExportTablesCommand;
import dev.converge.application.port.in.ExportTablesReport;
import dev.converge.application.port.in.ImportTablesCommand;
import dev.converge.application.port.in.Parallelism;
import dev.converge.application.port.in.RunPhaseUseCase.PhaseStep;
import dev.converge.application.port.in.RunPhaseCommand;
import dev.converge.application.port.in.RunPhaseReport;
import dev.converge.application.port.in.RunPhaseUseCase;
import dev.converge.application.port.in.ValidateFilesCommand;
import dev.converge.application.port.in.ValidateFilesReport;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.failure.ImportRejectedException;
import dev.converge.domain.failure.PhaseRefusedException;
import dev.converge.domain.failure.ValidationFailedException;
import dev.converge.domain.run.Phase;
import dev.converge.domain.run.PhaseOutcome;
import dev.converge.domain.run.PhaseRun;
import dev.converge.domain.run.RunJournal;
import dev.converge.domain.run.TableOutcome;
import dev.converge.domain.run.TableState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The phase runner on hand-written fakes: the gate, the journal from the reports, failures with their tables. */
class RunPhaseServiceTest extends PhaseRunnerFixture {

  @Test
  void aPhaseOutOfOrderIsRefusedWithTheStateMachinesReasonBeforeAnythingStartsAndIsNeverJournaled() {
    journals.with(Phase.PLAN, Phase.EXPORT);
    RunJournal before = journals.journal;

    PhaseRefusedException refused = assertThrows(PhaseRefusedException.class, () -> service().run(
        new RunPhaseCommand<>(new PhaseStep.Import(new ImportTablesCommand(new Parallelism(1), false)), SETTINGS, null)));

    assertEquals("import cannot run yet: the latest export has not passed validation; run validate first",
        refused.getMessage());
    assertEquals(ErrorCode.CONFIGURATION, refused.code());
    assertSame(before, journals.journal, "nothing journaled");
    assertEquals(0, opened.get(), "no connection opened");
  }

  @Test
  void aPhaseConnectingToAnotherDatabaseThanTheRunsIsRefusedBeforeAnythingStarts() {
    journals.with(Phase.PLAN);
    RunJournal before = journals.journal;
    ConnectionSettings elsewhere = new ConnectionSettings(SETTINGS.source(),
        new DatabaseEndpoint("pg.internal", 5432, "app3", "owner", "secret"), "public", Path.of("work"));

    ConvergeException refused = assertThrows(ConvergeException.class, () -> service().run(
        new RunPhaseCommand<>(new PhaseStep.Export(new ExportTablesCommand(new Parallelism(2), false)), elsewhere, null)));

    assertTrue(refused.getMessage().startsWith("export refused: this work directory holds the run from"
        + " migrator@mysql.internal:3306/app to owner@pg.internal:5432/app (schema public)"), refused.getMessage());
    assertEquals(ErrorCode.CONFIGURATION, refused.code());
    assertSame(before, journals.journal, "nothing journaled");
    assertEquals(0, opened.get(), "no connection opened");
  }

  @Test
  void aPhaseEndsWithEachTablesOutcomeTakenFromItsReport() {
    journals.with(Phase.PLAN);
    session.export = command -> new ExportTablesReport(manifest("m1", "users", "roles"), "manifest.json", List.of(),
        "one snapshot", Duration.ofSeconds(2), Duration.ofMillis(300), Optional.empty());
    List<String> watched = new ArrayList<>();

    RunPhaseReport<ExportTablesReport> done = service().run(new RunPhaseCommand<>(new PhaseStep.Export(
        new ExportTablesCommand(new Parallelism(2), false)), SETTINGS, new RunPhaseUseCase.Watcher() {
          @Override
          public void begun(String runId, String name) {
            watched.add("begun " + runId + " " + name);
          }

          @Override
          public void ended() {
            watched.add("ended");
          }
        }));

    assertTrue(done.failure().isEmpty());
    assertEquals(List.of("begun run-1 export", "ended"), watched);
    PhaseRun export = journals.journal.latest(Phase.EXPORT).orElseThrow();
    assertEquals(PhaseOutcome.SUCCEEDED, export.outcome());
    assertEquals(List.of(TableOutcome.done("users", TableState.EXPORTED, 3, 0),
        TableOutcome.done("roles", TableState.EXPORTED, 3, 0)), export.tables());
    assertEquals(Duration.ofMillis(300), export.lockWait());
    assertTrue(export.summary().startsWith("2 table(s), 6 rows; manifest.json"), export.summary());
    assertTrue(session.closed, "the session is closed after the phase");
    assertEquals("Next: converge validate", done.next().advice());
  }

  @Test
  void validateReadsOnlyTheWorkDirectoryWithoutSettingsAndAFailingReportIsJournaledAsTheFailureItIs() {
    journals.with(Phase.PLAN, Phase.EXPORT);
    validation = command -> new ValidateFilesReport("manifest.json", List.of(
        new ValidateFilesReport.TableValidation("users", 3, 0, List.of()),
        new ValidateFilesReport.TableValidation("roles", 3, 1, List.of(
            new ValidateFilesReport.Problem("roles.csv", 2, "name", "x", "too long")))));

    RunPhaseReport<ValidateFilesReport> done = service().run(new RunPhaseCommand<>(
        new PhaseStep.Validate(new ValidateFilesCommand(5)), null, Path.of("work"), null));

    assertEquals(0, opened.get(), "validate connects to nothing");
    assertTrue(done.failure().orElseThrow() instanceof ValidationFailedException);
    PhaseRun validate = journals.journal.latest(Phase.VALIDATE).orElseThrow();
    assertEquals(PhaseOutcome.FAILED, validate.outcome());
    assertEquals(10 + ErrorCode.VALIDATION.ordinal(), validate.exitStatus());
    assertEquals(TableState.VALIDATED, validate.tables().get(0).state());
    assertEquals(TableState.FAILED, validate.tables().get(1).state());
    assertTrue(validate.tables().get(1).error().contains("roles.csv line 2, column name"), validate.tables().toString());
  }

  @Test
  void aFailedImportNamesTheFailingTableAndJournalsTheTablesItCommittedAsImported() {
    journals.with(Phase.PLAN, Phase.EXPORT, Phase.VALIDATE);
    manifests.add(new StoreManifestPort.Stored(manifest("m1", "users", "roles", "grants"), "manifest.json"));
    ImportRejectedException rejected = new ImportRejectedException("roles", "roles.csv", 2, "name", "x", "23505",
        "duplicate key", null);
    session.load = command -> {
      imports.markCommitted("m1", "users", 3);
      throw rejected;
    };

    ImportRejectedException thrown = assertThrows(ImportRejectedException.class, () -> service().run(
        new RunPhaseCommand<>(new PhaseStep.Import(new ImportTablesCommand(new Parallelism(1), false)), SETTINGS, null)));

    assertSame(rejected, thrown);
    PhaseRun load = journals.journal.latest(Phase.IMPORT).orElseThrow();
    assertEquals(PhaseOutcome.FAILED, load.outcome());
    assertEquals(10 + ErrorCode.IMPORT.ordinal(), load.exitStatus());
    assertEquals(TableOutcome.done("users", TableState.IMPORTED, 3, 0), load.tables().get(0));
    assertEquals(TableState.FAILED, load.tables().get(1).state());
    assertEquals("roles", load.tables().get(1).table());
    assertEquals(2, load.tables().size(), "grants was neither committed nor the failing one: " + load.tables());
    assertEquals(Phase.IMPORT, journals.journal.next(), "the import is what to run again");
  }

  @Test
  void aPhaseTheOperatorCancelledIsJournaledCancelled() {
    journals.with(Phase.PLAN);
    session.export = command -> {
      throw new ConvergeException(ErrorCode.EXPORT, "interrupted");
    };

    assertThrows(ConvergeException.class, () -> service().run(new RunPhaseCommand<>(new PhaseStep.Export(
        new ExportTablesCommand(new Parallelism(1), false)), SETTINGS, new RunPhaseUseCase.Watcher() {
          @Override
          public boolean cancelled() {
            return true;
          }
        })));

    PhaseRun export = journals.journal.latest(Phase.EXPORT).orElseThrow();
    assertEquals(PhaseOutcome.CANCELLED, export.outcome());
    assertEquals("cancelled by the operator: interrupted", export.error());
  }

  @Test
  void aConnectionThatCannotBeOpenedEndsThePhaseFailedInTheJournal() {
    ConvergeException refused = new ConvergeException(ErrorCode.CONNECTION, "connection refused");
    RunPhaseService failing = new RunPhaseService(new RecordPhaseService(journals, Optional::empty,
        Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)), journals, imports, manifestStore(), settings -> {
          throw refused;
        }, command -> {
          throw new AssertionError();
        }, failure -> 3);

    assertSame(refused, assertThrows(ConvergeException.class, () -> failing.run(new RunPhaseCommand<>(
        new PhaseStep.Connect(), SETTINGS, null))));

    PhaseRun connect = journals.journal.latest(Phase.CONNECT).orElseThrow();
    assertEquals(PhaseOutcome.FAILED, connect.outcome());
    assertEquals(3, connect.exitStatus());
    assertFalse(journals.journal.source().contains("secret"), journals.journal.source());
    assertEquals("migrator@mysql.internal:3306/app", journals.journal.source());
  }
}
