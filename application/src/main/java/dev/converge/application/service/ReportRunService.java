package dev.converge.application.service;

import dev.converge.application.port.in.ReportRunCommand;
import dev.converge.application.port.in.ReportRunUseCase;
import dev.converge.application.port.in.RunReport;
import dev.converge.application.port.out.RecordChangesPort;
import dev.converge.application.port.out.StoreRunJournalPort;
import dev.converge.application.port.out.WriteReportPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.run.DowntimeProjection;
import dev.converge.domain.run.Phase;
import dev.converge.domain.run.PhaseRun;
import dev.converge.domain.run.RunJournal;
import dev.converge.domain.run.TableOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes {@code run_report.md} and {@code run_report.json}: every phase with its timing and
 * outcome, the tables with their rows and times per phase, the verification verdict, the row
 * decisions of the last export (counts per table and decision, where {@code changes.csv} and
 * {@code quarantine/} lie), and the downtime projection against the maintenance window.
 */
public final class ReportRunService implements ReportRunUseCase {

  static final String NAME = "run_report";

  private final StoreRunJournalPort journals;
  private final WriteReportPort reports;
  private final RecordChangesPort changes;

  public ReportRunService(StoreRunJournalPort journals, WriteReportPort reports, RecordChangesPort changes) {
    this.journals = Objects.requireNonNull(journals, "journals");
    this.reports = Objects.requireNonNull(reports, "reports");
    this.changes = Objects.requireNonNull(changes, "changes");
  }

  @Override
  public RunReport report(ReportRunCommand command) {
    RunJournal journal = journals.load().orElseThrow(() -> new ConvergeException(ErrorCode.CONFIGURATION,
        "there is no run journal in this work directory; run the phases first"));
    DowntimeProjection projection = DowntimeProjection.of(journal, command.productionRows(), command.window());
    boolean verified = journal.latest(Phase.VERIFY).map(PhaseRun::succeeded).orElse(false);
    RecordChangesPort.Summary decided = changes.summary();
    String saved = reports.write(NAME, markdown(journal, projection, verified, decided),
        json(journal, projection, verified, decided));
    return new RunReport(journal, projection, verified, saved);
  }

  static String markdown(RunJournal journal, DowntimeProjection projection, boolean verified,
      RecordChangesPort.Summary decided) {
    StringBuilder md = new StringBuilder();
    md.append("# converge run report — ").append(journal.runId()).append("\n\n");
    md.append("- Source: ").append(journal.source()).append('\n');
    md.append("- Target: ").append(journal.target()).append('\n');
    md.append("- Verification: ").append(verified ? "**PASS**"
        : journal.latest(Phase.VERIFY).isPresent() ? "**FAIL**" : "not run").append("\n\n");
    md.append("## Phases\n\n| phase | started (UTC) | seconds | outcome | rows | summary |\n|---|---|---:|---|---:|---|\n");
    for (PhaseRun run : journal.phases()) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %s | %,d | %s |%n", run.phase().command(), run.started(),
          run.elapsed().toMillis() / 1000.0, run.outcome(), run.rows(),
          cell(run.error() == null ? run.summary() : run.summary() + " " + run.error())));
    }
    md.append("\n## Tables\n\n| table | state | rows | export s | validate s | import s |\n|---|---|---:|---:|---:|---:|\n");
    for (TableOutcome table : journal.tables().values()) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %s | %s | %s |%n", table.table(), table.state(),
          table.rows(), seconds(journal, Phase.EXPORT, table.table()), seconds(journal, Phase.VALIDATE, table.table()),
          seconds(journal, Phase.IMPORT, table.table())));
    }
    if (!decided.counts().isEmpty()) {
      md.append("\n## Decisions\n\nRows set aside and values changed by the operator's decisions and the column"
          + " policies, as the last export recorded them; verify expects exactly these differences.\n\n"
          + "| table | decision | rows or values |\n|---|---|---:|\n");
      decided.counts().forEach((table, counts) -> counts.forEach((decision, count) -> md.append(String.format(
          Locale.ROOT, "| %s | %s | %,d |%n", table, cell(decision), count))));
      md.append("\nEach one is a line of ").append(decided.changesFile()).append("; the rows set aside, with every"
          + " value, are in ").append(decided.quarantineDirectory()).append(" (one file per table).\n");
    }
    md.append("\n## Downtime projection\n\n");
    md.append(String.format(Locale.ROOT, "Rehearsal rows: %,d; production rows: %,d; maintenance window: %d min.%n%n",
        projection.rehearsalRows(), projection.productionRows(), projection.window().toMinutes()));
    md.append("| phase | rehearsal rows | rehearsal s | rows/s | projected s |\n|---|---:|---:|---:|---:|\n");
    for (DowntimeProjection.PhaseEstimate phase : projection.phases()) {
      md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %.1f |%n", phase.phase().command(), phase.rows(),
          phase.measured().toMillis() / 1000.0, phase.rowsPerSecond(), phase.projected().toMillis() / 1000.0));
    }
    md.append(String.format(Locale.ROOT, "%n**Projected cut-over: %s — %s**%n", DowntimeProjection.minutes(projection.total()),
        projection.verdict()));
    DowntimeProjection.syncEstimate(journal, projection.productionRows()).ifPresent(sync -> md.append(String.format(
        Locale.ROOT, "%n**Two-step cut-over (pre-copy live, then sync in the window): %s** — the latest sync compared"
            + " %,d rows in %.1f s (%,.0f rows/s, its proof included), scaled to the production rows; %s the %d-minute"
            + " window.%n", DowntimeProjection.minutes(sync.projected()), sync.rows(), sync.measured().toMillis() / 1000.0,
        sync.rowsPerSecond(), sync.projected().compareTo(projection.window()) <= 0 ? "fits" : "exceeds",
        projection.window().toMinutes())));
    md.append("\nThe projection scales each phase's measured rate linearly to the production rows, except the"
        + " export's wait for the snapshot's global read lock, carried over as measured; it excludes the"
        + " time to stop the applications, repoint them and smoke-test (see docs/rehearsal.md).\n");
    return md.toString();
  }


  private static String seconds(RunJournal journal, Phase phase, String table) {
    return journal.latestSucceeded(phase).flatMap(run -> run.tables().stream()
            .filter(outcome -> outcome.table().equals(table) && outcome.millis() > 0).findFirst())
        .map(outcome -> String.format(Locale.ROOT, "%.1f", outcome.millis() / 1000.0)).orElse("");
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  private static Map<String, Object> json(RunJournal journal, DowntimeProjection projection, boolean verified,
      RecordChangesPort.Summary decided) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("runId", journal.runId());
    json.put("verified", verified);
    json.put("journal", journal);
    Map<String, Object> decisions = new LinkedHashMap<>();
    decisions.put("counts", decided.counts());
    decisions.put("changesFile", decided.changesFile());
    decisions.put("quarantineDirectory", decided.quarantineDirectory());
    json.put("decisions", decisions);
    Map<String, Object> downtime = new LinkedHashMap<>();
    downtime.put("rehearsalRows", projection.rehearsalRows());
    downtime.put("productionRows", projection.productionRows());
    downtime.put("windowSeconds", projection.window().toSeconds());
    List<Map<String, Object>> phases = new ArrayList<>();
    for (DowntimeProjection.PhaseEstimate phase : projection.phases()) {
      Map<String, Object> estimate = new LinkedHashMap<>();
      estimate.put("phase", phase.phase().command());
      estimate.put("rows", phase.rows());
      estimate.put("measuredSeconds", phase.measured().toMillis() / 1000.0);
      estimate.put("rowsPerSecond", Math.round(phase.rowsPerSecond()));
      estimate.put("projectedSeconds", phase.projected().toMillis() / 1000.0);
      phases.add(estimate);
    }
    downtime.put("phases", phases);
    downtime.put("projectedSeconds", projection.total().toMillis() / 1000.0);
    downtime.put("complete", projection.complete());
    downtime.put("fitsWindow", projection.fitsWindow());
    downtime.put("verdict", projection.verdict());
    DowntimeProjection.syncEstimate(journal, projection.productionRows()).ifPresent(sync -> {
      Map<String, Object> twoStep = new LinkedHashMap<>();
      twoStep.put("rows", sync.rows());
      twoStep.put("measuredSeconds", sync.measured().toMillis() / 1000.0);
      twoStep.put("rowsPerSecond", Math.round(sync.rowsPerSecond()));
      twoStep.put("projectedSeconds", sync.projected().toMillis() / 1000.0);
      twoStep.put("fitsWindow", sync.projected().compareTo(projection.window()) <= 0);
      downtime.put("twoStepCutover", twoStep);
    });
    json.put("downtimeProjection", downtime);
    return json;
  }
}
