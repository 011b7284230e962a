package dev.converge.application.service;

import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.in.BeginPhaseCommand;
import dev.converge.application.port.in.EndPhaseCommand;
import dev.converge.application.port.in.NextStep;
import dev.converge.application.port.in.RecordPhaseUseCase;
import dev.converge.application.port.out.RecordImportPort;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.application.port.out.StoreRunJournalPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.failure.PhaseRefusedException;
import dev.converge.domain.run.Phase;
import dev.converge.domain.run.PhaseOutcome;
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
 * The run journal as the phase runners use it: the gate (the run's state machine, the same for
 * every front end), a phase begun, and a phase ended from its report or its failure.
 */
final class PhaseJournal {

  private final RecordPhaseUseCase journal;
  private final StoreRunJournalPort journals;
  private final RecordImportPort imports;
  private final StoreManifestPort manifests;
  private final ToIntFunction<Throwable> exitStatus;

  PhaseJournal(RecordPhaseUseCase journal, StoreRunJournalPort journals, RecordImportPort imports,
      StoreManifestPort manifests, ToIntFunction<Throwable> exitStatus) {
    this.journal = Objects.requireNonNull(journal, "journal");
    this.journals = Objects.requireNonNull(journals, "journals");
    this.imports = Objects.requireNonNull(imports, "imports");
    this.manifests = Objects.requireNonNull(manifests, "manifests");
    this.exitStatus = Objects.requireNonNull(exitStatus, "exitStatus");
  }

  /** Refuses {@code phase} when the run's state machine does not allow it yet; nothing is journaled then. */
  void gate(Phase phase) {
    Optional<String> refusal = journals.load().flatMap(run -> run.refusal(phase));
    if (refusal.isPresent()) {
      throw new PhaseRefusedException(phase.command(), refusal.get());
    }
  }

  /** What to run next, as the journal says now. */
  NextStep next() {
    return NextStep.of(journals.load());
  }

  /** Begins {@code phase} (the databases as it sees them, none for a phase that does not connect); its run id. */
  String begin(Phase phase, ConnectionSettings settings) {
    if (settings != null) {
      Optional<String> other = journals.load()
          .flatMap(run -> run.otherDatabases(settings.source().describe(), settings.describeTarget()));
      if (other.isPresent()) {
        throw new ConvergeException(ErrorCode.CONFIGURATION, phase.command() + " refused: " + other.get());
      }
    }
    return journal.begin(new BeginPhaseCommand(phase, settings == null ? null : settings.source().describe(),
        settings == null ? null : settings.describeTarget())).runId();
  }

  /** Ends {@code phase} from its report: succeeded, or failed as the report says; that failure, if any. */
  Optional<ConvergeException> ended(Phase phase, Object report) {
    Optional<ConvergeException> failure = PhaseOutcomes.failure(report);
    end(new EndPhaseCommand(phase, failure.isPresent() ? PhaseOutcome.FAILED : PhaseOutcome.SUCCEEDED,
        failure.map(exitStatus::applyAsInt).orElse(0), PhaseOutcomes.summary(report),
        failure.map(Throwable::getMessage).orElse(null), PhaseOutcomes.tables(report), null,
        PhaseOutcomes.lockWait(report)));
    return failure;
  }

  /** Ends {@code phase} as succeeded at {@code at} with these outcomes (migrate's pipeline ends its phases so). */
  void succeeded(Phase phase, Object report, List<TableOutcome> tables, Instant at) {
    end(new EndPhaseCommand(phase, PhaseOutcome.SUCCEEDED, 0, PhaseOutcomes.summary(report), null, tables, at,
        PhaseOutcomes.lockWait(report)));
  }

  /** Ends a connection that could or could not be opened. */
  void connected(RuntimeException failure, boolean cancelled) {
    if (failure == null) {
      end(new EndPhaseCommand(Phase.CONNECT, PhaseOutcome.SUCCEEDED, 0, "both databases reachable", null, List.of()));
    } else {
      failed(Phase.CONNECT, failure, cancelled, List.of());
    }
  }

  /**
   * Ends {@code phase} as failed (or cancelled) by {@code failure}: the table it names failed, and for
   * an import the tables the import journal holds committed for the latest export, imported.
   */
  void failed(Phase phase, RuntimeException failure, boolean cancelled) {
    List<TableOutcome> tables = new ArrayList<>();
    if (phase == Phase.IMPORT) {
      committed().forEach((table, rows) -> tables.add(TableOutcome.done(table, TableState.IMPORTED, rows, 0)));
    }
    PhaseOutcomes.failingTable(failure).ifPresent(table -> {
      tables.removeIf(outcome -> outcome.table().equals(table));
      tables.add(TableOutcome.failed(table, 0, failure.getMessage()));
    });
    failed(phase, failure, cancelled, tables);
  }

  /** Ends {@code phase} as failed (or cancelled) by {@code failure}, with these table outcomes. */
  void failed(Phase phase, RuntimeException failure, boolean cancelled, List<TableOutcome> tables) {
    end(new EndPhaseCommand(phase, cancelled ? PhaseOutcome.CANCELLED : PhaseOutcome.FAILED,
        exitStatus.applyAsInt(failure), "", (cancelled ? "cancelled by the operator: " : "") + failure.getMessage(),
        tables, null, Duration.ZERO));
  }

  private void end(EndPhaseCommand command) {
    journal.end(command);
  }

  /** The target tables the import journal holds committed for the latest finished export. */
  private Map<String, Long> committed() {
    try {
      return manifests.latest().filter(stored -> stored.manifest().complete())
          .map(stored -> imports.committed(stored.manifest().migrationId())).orElse(Map.of());
    } catch (RuntimeException unreadable) {
      // The failure being journaled matters more than the tables it had committed.
      return Map.of();
    }
  }
}
