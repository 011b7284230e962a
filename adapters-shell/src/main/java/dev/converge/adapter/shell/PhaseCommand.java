package dev.converge.adapter.shell;

import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.port.in.RunPhaseUseCase.PhaseStep;
import dev.converge.application.port.in.RunPhaseCommand;
import dev.converge.application.port.in.RunPhaseReport;
import dev.converge.application.port.in.RunPhaseUseCase;
import dev.converge.domain.run.Phase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What every phase command shares: the connection options, {@code --help}, {@code --output}; it
 * parses its options into the phase's typed step, hands it to the application's phase runner (which
 * gates it, journals it and runs it, the same in the shell and in batch mode), then prints the
 * report as text or JSON and reports the failure the report amounts to (so that the exit status
 * says which).
 *
 * @param <R> the phase's report
 */
abstract class PhaseCommand<R> implements Callable<Integer>, FailureDocument.Contributor {

  protected final PrintWriter out;
  protected final PhaseContext context;

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Mixin OutputOptions output = new OutputOptions();

  /** The JSON of a report that failed the phase (a failed verification's, say): part of the failure document. */
  private Object failedResult;

  PhaseCommand(PhaseContext context) {
    this.context = Objects.requireNonNull(context, "context");
    this.out = context.out();
  }

  @Override
  public final Integer call() {
    failedResult = null;
    context.progress().quiet(output.quiet());
    if (this instanceof DryRun.Steps steps && dryRunRequested()) {
      return DryRun.print(phase().command(), steps, output, context);
    }
    PhaseStep<R> step = step();
    ConnectionSettings settings = step.connects() ? connection.settings(context.environment()) : null;
    Path workDirectory = settings != null ? settings.workDirectory() : connection.workDirectory;
    context.control().reset();
    RunPhaseReport<R> done = context.workspaces().open(workDirectory).runPhase()
        .run(new RunPhaseCommand<>(step, settings, workDirectory, watcher(context)));
    if (done.failure().isEmpty()) {
      succeeded(done.report());
    }
    render(done.report(), done.summary(), done.failure().isPresent());
    if (done.failure().isEmpty() && !output.json() && !output.quiet()) {
      // The same advice in the shell and in batch mode: the application's, from the journal.
      out.println(done.next().advice());
      out.flush();
    }
    done.failure().ifPresent(failure -> {
      throw failure;
    });
    return 0;
  }

  /** Prints the report: text, the summary line ({@code --quiet}), or JSON (a failed one goes into the failure document). */
  final void render(R report, String summary, boolean failed) {
    if (output.json()) {
      if (failed) {
        // One document on standard output: the failure's, which carries this result.
        failedResult = jsonOf(report);
        return;
      }
      out.println(context.json().json(jsonOf(report)));
    } else if (output.quiet()) {
      out.println(summaryLine(summary));
    } else {
      print(report);
    }
    out.flush();
  }

  @Override
  public void contribute(java.util.Map<String, Object> document) {
    if (failedResult != null) {
      document.put("result", failedResult);
    }
  }

  /** What the progress board and the run control tell the phase runner. */
  static RunPhaseUseCase.Watcher watcher(PhaseContext context) {
    return new RunPhaseUseCase.Watcher() {
      @Override
      public void begun(String runId, String name) {
        context.progress().begin(runId, name);
      }

      @Override
      public void ended() {
        context.progress().end();
      }

      @Override
      public boolean cancelled() {
        return context.control().cancelled();
      }
    };
  }

  /** Whether {@code --dry-run} was given; only commands that declare it (and implement {@link DryRun.Steps}) can. */
  protected boolean dryRunRequested() {
    return false;
  }

  /** The phase this command runs, as the run journal names it. */
  protected abstract Phase phase();

  /** The phase with its typed command, from this command's options (a malformed one fails here, before the gate). */
  protected abstract PhaseStep<R> step();

  /** After the phase succeeded, before its report is printed. */
  protected void succeeded(R report) {}

  /** The operator's text form of the result. */
  protected abstract void print(R report);

  /** What {@code --quiet} prints: the phase and its summary (the journal's). */
  final String summaryLine(String summary) {
    String name = phase().command();
    return Character.toUpperCase(name.charAt(0)) + name.substring(1) + ": " + (summary.isBlank() ? "done" : summary);
  }

  /** What {@code --output json} prints; the result itself unless a phase prints part of it. */
  protected Object jsonOf(R report) {
    return report;
  }

  /** {@code user@host:port/database}: what the journal and reports say of a database, never its password. */
  static String describe(DatabaseEndpoint endpoint) {
    return endpoint.describe();
  }

  static String describe(ConnectionSettings settings) {
    return settings.describeTarget();
  }
}
