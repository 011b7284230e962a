package dev.converge.application.service;

import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.in.ExportTablesReport;
import dev.converge.application.port.in.RunPhaseUseCase.PhaseStep;
import dev.converge.application.port.in.RecordPhaseUseCase;
import dev.converge.application.port.in.RunMigrationCommand;
import dev.converge.application.port.in.RunMigrationReport;
import dev.converge.application.port.in.RunMigrationUseCase;
import dev.converge.application.port.in.TransferTablesReport;
import dev.converge.application.port.in.TransferTablesUseCase;
import dev.converge.application.port.in.ValidateFilesReport;
import dev.converge.application.port.in.ValidateFilesUseCase;
import dev.converge.application.port.out.RecordImportPort;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.application.port.out.StoreRunJournalPort;
import dev.converge.application.session.MigrationSession;
import dev.converge.application.session.MigrationSessions;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.PipelineStoppedException;
import dev.converge.domain.run.Phase;
import dev.converge.domain.run.TableOutcome;
import dev.converge.domain.run.TableState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * {@code migrate}'s order: one connection (journaled as CONNECT), then schema (when asked), plan
 * (unless kept), export, validate and import — as one pipeline, journaled as the three phases they
 * are and ended each at the moment it really finished, or one after another — and verify. Every
 * phase is gated and journaled as when it runs alone; the first failure stops the run. When the
 * pipeline stops, the failure says which tables were committed and which not, and the journal
 * records each (imported, or failed).
 */
public final class RunMigrationService implements RunMigrationUseCase {

  private static final String PIPELINE = "export+validate+import";

  private final PhaseJournal journal;
  private final MigrationSessions sessions;
  private final ValidateFilesUseCase validation;

  public RunMigrationService(RecordPhaseUseCase journal, StoreRunJournalPort journals, RecordImportPort imports,
      StoreManifestPort manifests, MigrationSessions sessions, ValidateFilesUseCase validation,
      ToIntFunction<Throwable> exitStatus) {
    this.journal = new PhaseJournal(journal, journals, imports, manifests, exitStatus);
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.validation = Objects.requireNonNull(validation, "validation");
  }

  @Override
  public RunMigrationReport migrate(RunMigrationCommand command) {
    long started = System.nanoTime();
    ConnectionSettings settings = command.settings();
    Watcher watcher = command.watcher();
    journal.begin(Phase.CONNECT, settings);
    MigrationSession session;
    try {
      session = sessions.open(settings);
    } catch (RuntimeException failure) {
      journal.connected(failure, watcher.cancelled());
      throw failure;
    }
    journal.connected(null, false);
    try (session) {
      if (command.schema() != null) {
        phase(command.schema(), session, settings, watcher);
      }
      if (command.plan() != null) {
        phase(command.plan(), session, settings, watcher);
      }
      if (command.sequential()) {
        phase(command.export(), session, settings, watcher);
        phase(command.validate(), session, settings, watcher);
        phase(command.load(), session, settings, watcher);
      } else {
        pipeline(command, session, settings, watcher);
      }
      phase(command.verify(), session, settings, watcher);
    }
    return new RunMigrationReport(Duration.ofNanos(System.nanoTime() - started));
  }

  /** One phase on the run's session, gated and journaled as when it runs alone; its failure stops the run. */
  private <R> void phase(PhaseStep<R> step, MigrationSession session, ConnectionSettings settings, Watcher watcher) {
    Phase phase = step.phase();
    journal.gate(phase);
    watcher.phaseBegun(phase.command());
    String runId = journal.begin(phase, settings);
    watcher.begun(runId, phase.command());
    R report;
    try {
      try {
        report = PhaseSteps.perform(step, session, settings, validation);
      } finally {
        watcher.ended();
      }
    } catch (RuntimeException failure) {
      journal.failed(phase, failure, watcher.cancelled());
      throw failure;
    }
    Optional<ConvergeException> failure = journal.ended(phase, report);
    watcher.phaseEnded(step, report);
    if (failure.isPresent()) {
      throw failure.get();
    }
  }

  /** Export, validate and import as one pipeline: gated as export, the three begun together, each ended as it finishes. */
  private void pipeline(RunMigrationCommand command, MigrationSession session, ConnectionSettings settings,
      Watcher watcher) {
    journal.gate(Phase.EXPORT);
    watcher.phaseBegun(PIPELINE);
    String runId = "";
    for (Phase phase : List.of(Phase.EXPORT, Phase.VALIDATE, Phase.IMPORT)) {
      runId = journal.begin(phase, settings);
    }
    watcher.begun(runId, PIPELINE);
    // The stages finish on the pipeline's own threads, which a failure interrupts: what they report is
    // kept here and journaled from this thread, each phase ended at the moment it really finished.
    Map<Phase, Runnable> ends = new java.util.concurrent.ConcurrentHashMap<>();
    List<List<String>> stopped = new java.util.concurrent.CopyOnWriteArrayList<>();
    TransferTablesReport report;
    try {
      try {
        report = session.transferTables().transfer(command.transfer(), new TransferTablesUseCase.Stages() {
          @Override
          public void exported(ExportTablesReport done, Instant at, Map<String, Duration> tables) {
            List<TableOutcome> outcomes = done.manifest().tables().stream().map(table -> TableOutcome.done(
                table.sourceTable(), TableState.EXPORTED, table.rows(),
                tables.getOrDefault(table.sourceTable(), Duration.ZERO).toMillis())).toList();
            ends.put(Phase.EXPORT, () -> journal.succeeded(Phase.EXPORT, done, outcomes, at));
          }

          @Override
          public void validated(ValidateFilesReport done, Instant at, Map<String, Duration> tables) {
            List<TableOutcome> outcomes = PhaseOutcomes.validated(done, tables);
            ends.put(Phase.VALIDATE, () -> journal.succeeded(Phase.VALIDATE, done, outcomes, at));
          }

          @Override
          public void stopped(List<String> committed, List<String> notCommitted) {
            stopped.add(committed);
            stopped.add(notCommitted);
          }
        });
      } finally {
        watcher.ended();
      }
    } catch (RuntimeException failure) {
      boolean cancelled = watcher.cancelled();
      List<String> committed = stopped.isEmpty() ? List.of() : stopped.get(0);
      List<String> notCommitted = stopped.isEmpty() ? List.of() : stopped.get(1);
      for (Phase phase : List.of(Phase.EXPORT, Phase.VALIDATE, Phase.IMPORT)) {
        Runnable end = ends.get(phase);
        if (end != null) {
          end.run();
        } else {
          journal.failed(phase, failure, cancelled, stoppedTables(phase, failure, committed, notCommitted));
        }
      }
      throw stopped.isEmpty() ? failure : new PipelineStoppedException(failure, committed, notCommitted);
    }
    ends.get(Phase.EXPORT).run();
    ends.get(Phase.VALIDATE).run();
    List<TableOutcome> imported = new ArrayList<>();
    for (TransferTablesReport.TableTimes table : report.tables()) {
      imported.add(TableOutcome.done(table.targetTable(), TableState.IMPORTED, table.loaded() ? table.rows() : 0,
          table.loaded() ? table.load().toMillis() : 0));
    }
    journal.succeeded(Phase.IMPORT, report.imported(), imported, report.importEnded());
    watcher.pipelineEnded(report);
  }

  /**
   * What a stopped pipeline did to each table in {@code phase}: the table the failure names failed;
   * for the import, the committed tables imported and the others failed, not committed.
   */
  private static List<TableOutcome> stoppedTables(Phase phase, RuntimeException failure, List<String> committed,
      List<String> notCommitted) {
    Optional<String> failing = PhaseOutcomes.failingTable(failure);
    List<TableOutcome> tables = new ArrayList<>();
    if (phase == Phase.IMPORT) {
      committed.forEach(table -> tables.add(TableOutcome.done(table, TableState.IMPORTED, 0, 0)));
      notCommitted.forEach(table -> tables.add(TableOutcome.failed(table, 0, failing.filter(table::equals).isPresent()
          ? failure.getMessage() : "not committed: the pipeline stopped"
              + failing.map(name -> " at table " + name).orElse("") + " before this table's commit")));
    } else {
      failing.ifPresent(table -> tables.add(TableOutcome.failed(table, 0, failure.getMessage())));
    }
    return tables;
  }
}
