package dev.converge.adapter.shell;

import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.in.BeginPhaseCommand;
import dev.converge.application.port.in.EndPhaseCommand;
import dev.converge.application.port.in.ExportTablesReport;
import dev.converge.application.port.in.RecordPhaseUseCase;
import dev.converge.application.port.in.TransferTablesCommand;
import dev.converge.application.port.in.TransferTablesReport;
import dev.converge.application.port.in.TransferTablesUseCase;
import dev.converge.application.port.in.ValidateFilesReport;
import dev.converge.application.session.MigrationSession;
import dev.converge.domain.run.Phase;
import dev.converge.domain.run.PhaseOutcome;
import dev.converge.domain.run.TableOutcome;
import dev.converge.domain.run.TableState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * {@code migrate}'s export, validate and import as one pipeline, journaled as the three phases
 * they are: all three begin together, export ends when its manifest is complete, validate when the
 * verdict is saved, import at the last commit. A failure ends every phase still running with that
 * failure's exit status (cancelled when the operator stopped it).
 */
final class Pipeline {

  private final PhaseContext context;
  private final ConnectionSettings settings;
  private final RecordPhaseUseCase journal;
  private final Set<Phase> running = EnumSet.noneOf(Phase.class);

  Pipeline(PhaseContext context, ConnectionSettings settings, RecordPhaseUseCase journal) {
    this.context = Objects.requireNonNull(context, "context");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  /**
   * Runs the three phases as one; with {@code collect}, each phase's result and the pipeline's times go
   * there (phase name, result) instead of being printed.
   */
  void run(MigrationSession session, ExportCommand export, ValidateCommand validate, ImportCommand load,
      BiConsumer<String, Object> collect) {
    String runId = "";
    for (Phase phase : List.of(Phase.EXPORT, Phase.VALIDATE, Phase.IMPORT)) {
      runId = journal.begin(new BeginPhaseCommand(phase, PhaseCommand.describe(settings.source()),
          PhaseCommand.describe(settings))).runId();
      running.add(phase);
    }
    ExportTablesReport[] exported = new ExportTablesReport[1];
    ValidateFilesReport[] validated = new ValidateFilesReport[1];
    TransferTablesReport report;
    context.progress().begin(runId, "export+validate+import");
    try {
      report = session.transferTables().transfer(new TransferTablesCommand(export.parallelism, load.parallelism,
          export.partBytes, validate.problems, export.restart, load.restart, export.snapshotMode(),
          export.snapshotLockTimeout, export.reuseStaleExport || load.reuseStaleExport), new TransferTablesUseCase.Stages() {
            @Override
            public void exported(ExportTablesReport done, Instant at, Map<String, Duration> tables) {
              exported[0] = done;
              List<TableOutcome> outcomes = new ArrayList<>();
              done.manifest().tables().forEach(table -> outcomes.add(TableOutcome.done(table.sourceTable(),
                  TableState.EXPORTED, table.rows(), tables.getOrDefault(table.sourceTable(), Duration.ZERO).toMillis())));
              end(Phase.EXPORT, export.summary(done), outcomes, at, done.lockWait());
            }

            @Override
            public void validated(ValidateFilesReport done, Instant at, Map<String, Duration> tables) {
              validated[0] = done;
              List<TableOutcome> outcomes = new ArrayList<>();
              done.tables().forEach(table -> outcomes.add(TableOutcome.done(table.table(), TableState.VALIDATED,
                  table.rows(), tables.getOrDefault(table.table(), Duration.ZERO).toMillis())));
              end(Phase.VALIDATE, validate.summary(done), outcomes, at);
            }
          });
    } catch (RuntimeException failure) {
      context.progress().end();
      failed(failure);
      throw failure;
    }
    context.progress().end();
    List<TableOutcome> imported = new ArrayList<>();
    report.tables().stream().filter(TransferTablesReport.TableTimes::loaded).forEach(table -> imported.add(
        TableOutcome.done(table.targetTable(), TableState.IMPORTED, table.rows(), table.load().toMillis())));
    end(Phase.IMPORT, load.summary(report.imported()), imported, report.importEnded());
    if (collect != null) {
      collect.accept(Phase.EXPORT.command(), export.jsonOf(report.export()));
      collect.accept(Phase.VALIDATE.command(), validate.jsonOf(report.validation()));
      collect.accept(Phase.IMPORT.command(), load.jsonOf(report.imported()));
      Map<String, Object> times = new LinkedHashMap<>();
      times.put("started", report.started());
      times.put("exportEnded", report.exportEnded());
      times.put("validationEnded", report.validationEnded());
      times.put("importEnded", report.importEnded());
      times.put("tables", report.tables());
      collect.accept("pipeline", times);
      return;
    }
    export.print(report.export());
    validate.print(report.validation());
    load.print(report.imported());
    context.out().printf(Locale.ROOT, "Pipeline: exported after %.1f s, validated after %.1f s, imported after %.1f s%n",
        seconds(report.started(), report.exportEnded()), seconds(report.started(), report.validationEnded()),
        seconds(report.started(), report.importEnded()));
    context.out().printf("  %-40s %12s %9s %10s %9s%n", "table", "rows", "export s", "validate s", "load s");
    for (TransferTablesReport.TableTimes table : report.tables()) {
      context.out().printf(Locale.ROOT, "  %-40s %,12d %9.1f %10.1f %9s%n", table.table(), table.rows(),
          table.export().toMillis() / 1000.0, table.validation().toMillis() / 1000.0,
          table.loaded() ? String.format(Locale.ROOT, "%.1f", table.load().toMillis() / 1000.0) : "committed before");
    }
    context.out().flush();
  }

  private synchronized void failed(RuntimeException failure) {
    boolean cancelled = context.control().cancelled();
    for (Phase phase : List.of(Phase.EXPORT, Phase.VALIDATE, Phase.IMPORT)) {
      if (running.contains(phase)) {
        journal.end(new EndPhaseCommand(phase, cancelled ? PhaseOutcome.CANCELLED : PhaseOutcome.FAILED,
            context.exitStatus().applyAsInt(failure), "", (cancelled ? "cancelled by the operator: " : "")
            + failure.getMessage(), List.of()));
        running.remove(phase);
      }
    }
  }

  private synchronized void end(Phase phase, String summary, List<TableOutcome> tables, Instant at) {
    end(phase, summary, tables, at, Duration.ZERO);
  }

  private synchronized void end(Phase phase, String summary, List<TableOutcome> tables, Instant at, Duration lockWait) {
    journal.end(new EndPhaseCommand(phase, PhaseOutcome.SUCCEEDED, 0, summary, null, tables, at, lockWait));
    running.remove(phase);
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }
}
