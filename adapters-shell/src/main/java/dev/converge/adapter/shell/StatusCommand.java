package dev.converge.adapter.shell;

import dev.converge.application.port.in.RunStatusReport;
import dev.converge.domain.run.Phase;
import dev.converge.domain.run.PhaseRun;
import dev.converge.domain.run.RunJournal;
import dev.converge.domain.run.TableOutcome;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code converge status}: where the run of a work directory stands, read from its journal. */
@Command(name = "status",
    description = {"Shows the run of the work directory from its journal (run_journal.json): every phase run so far"
        + " with its outcome and time, each table's state (pending, exported, validated, imported, verified, failed)"
        + " with its rows and time per phase, and the phase to run next. Given the source's connection (options or"
        + " environment; the target's are not used), it also says whether the source moved since the export, as"
        + " import would find; without it, or when the source cannot be reached, it says so and still succeeds."})
public final class StatusCommand implements Callable<Integer> {

  private final PhaseContext context;

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Mixin OutputOptions output = new OutputOptions();

  public StatusCommand(PhaseContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    RunStatusReport status = context.workspaces().open(connection.workDirectory).showStatus()
        .status(connection.statusCheck(context.environment()));
    PrintWriter out = context.out();
    if (output.json()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("journal", status.journal().orElse(null));
      json.put("tables", status.tables().values());
      json.put("next", status.next().command());
      json.put("source", status.source());
      out.println(context.json().json(json));
    } else if (output.quiet()) {
      out.println("Next: converge " + status.next().command());
    } else {
      print(status, out);
    }
    out.flush();
    return 0;
  }

  static void print(RunStatusReport status, PrintWriter out) {
    if (status.journal().isEmpty()) {
      out.println("No run in this work directory yet. Next: converge " + status.next().command());
      return;
    }
    RunJournal journal = status.journal().get();
    out.printf("Run %s: %s → %s%n", journal.runId(), journal.source(), journal.target());
    out.println("Phases:");
    for (PhaseRun run : journal.phases()) {
      out.printf(Locale.ROOT, "  %-9s %-9s %s %7.1f s  %s%s%n", run.phase().command(), run.outcome(),
          run.started().toString().substring(0, 19).replace('T', ' '), run.elapsed().toMillis() / 1000.0, run.summary(),
          run.error() == null ? "" : " " + run.error());
    }
    if (!status.tables().isEmpty()) {
      out.printf(Locale.ROOT, "Tables:%n  %-32s %-9s %14s %10s %10s %10s%n", "table", "state", "rows", "export s",
          "validate s", "import s");
      for (TableOutcome table : status.tables().values()) {
        out.printf(Locale.ROOT, "  %-32s %-9s %,14d %10s %10s %10s%s%n", table.table(), table.state(), table.rows(),
            seconds(journal, Phase.EXPORT, table.table()), seconds(journal, Phase.VALIDATE, table.table()),
            seconds(journal, Phase.IMPORT, table.table()), table.error() == null ? "" : "  " + table.error());
      }
    }
    out.println("Next: converge " + status.next().command());
    out.println("Source: " + status.source().line());
    journal.cutOverByDelta().ifPresent(sync -> out.println("Two-step cut-over: after this pre-copy, converge "
        + sync.command() + " in the window copies only what changed since it (docs/runbook.md)"));
  }

  private static String seconds(RunJournal journal, Phase phase, String table) {
    return journal.latest(phase).flatMap(run -> run.tables().stream()
            .filter(outcome -> outcome.table().equals(table) && outcome.millis() > 0).findFirst())
        .map(outcome -> String.format(Locale.ROOT, "%.1f", outcome.millis() / 1000.0)).orElse("-");
  }
}
