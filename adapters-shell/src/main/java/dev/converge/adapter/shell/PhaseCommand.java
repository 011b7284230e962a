package dev.converge.adapter.shell;

import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.port.in.BeginPhaseCommand;
import dev.converge.application.port.in.EndPhaseCommand;
import dev.converge.application.port.in.RecordPhaseUseCase;
import dev.converge.application.session.MigrationSession;
import dev.converge.application.session.Workspace;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.failure.ImportRejectedException;
import dev.converge.domain.run.Phase;
import dev.converge.domain.run.PhaseOutcome;
import dev.converge.domain.run.TableOutcome;
import dev.converge.domain.run.TableState;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What every phase command shares: the connection options, {@code --help}, {@code --output}, one
 * session for the phase, the phase recorded in the run journal (begun, then ended with its outcome,
 * exit status and per-table rows and times), the result printed as text or JSON, then a failure
 * class thrown when the result is a failure (so that the exit status says which). In the
 * interactive shell the run's state machine gates the phase first.
 *
 * @param <R> the phase's result record
 */
abstract class PhaseCommand<R> implements Callable<Integer>, FailureDocument.Contributor {

  protected final PrintWriter out;
  protected final PhaseContext context;

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Mixin OutputOptions output = new OutputOptions();

  /** The JSON of a result that failed the phase (a failed verification's report): part of the failure document. */
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
    ConnectionSettings settings = connection.settings(context.environment());
    Workspace workspace = context.workspaces().open(settings.workDirectory());
    if (context.control().interactive()) {
      String refusal = workspace.showStatus().status().journal().flatMap(run -> run.refusal(phase())).orElse(null);
      if (refusal != null) {
        throw new ConvergeException(ErrorCode.CONFIGURATION, phase().command() + " cannot run yet: " + refusal);
      }
    }
    context.control().reset();
    RecordPhaseUseCase journal = workspace.recordPhase();
    String runId = journal.begin(new BeginPhaseCommand(phase(), describe(settings.source()), describe(settings))).runId();
    context.progress().begin(runId, phase().command());
    MigrationSession session;
    try {
      session = context.sessions().open(settings);
    } catch (RuntimeException failure) {
      ended(journal, failure);
      throw failure;
    }
    try (session) {
      runBegun(journal, session, null);
    }
    return 0;
  }

  @Override
  public void contribute(java.util.Map<String, Object> document) {
    if (failedResult != null) {
      document.put("result", failedResult);
    }
  }

  /**
   * Runs this phase in a session another command opened ({@code migrate}), recording it in the
   * journal; with {@code collect}, the result's JSON goes there (failed or not) instead of being printed.
   */
  final void runIn(ConnectionSettings settings, RecordPhaseUseCase journal, MigrationSession session,
      java.util.function.Consumer<Object> collect) {
    String runId = journal.begin(new BeginPhaseCommand(phase(), describe(settings.source()), describe(settings))).runId();
    context.progress().begin(runId, phase().command());
    runBegun(journal, session, collect);
  }

  private void runBegun(RecordPhaseUseCase journal, MigrationSession session, java.util.function.Consumer<Object> collect) {
    R result;
    try {
      try {
        result = run(session);
      } finally {
        context.progress().end();
      }
      if (collect != null) {
        collect.accept(jsonOf(result));
      } else if (output.json()) {
        try {
          failIfFailed(result);
        } catch (RuntimeException failure) {
          // One document on standard output: the failure's, which carries this result.
          failedResult = jsonOf(result);
          throw failure;
        }
        out.println(context.json().json(jsonOf(result)));
      } else if (output.quiet()) {
        out.println(summaryLine(result));
      } else {
        print(result);
      }
      out.flush();
      failIfFailed(result);
    } catch (RuntimeException failure) {
      ended(journal, failure);
      throw failure;
    }
    journal.end(new EndPhaseCommand(phase(), PhaseOutcome.SUCCEEDED, 0, summary(result), null, tables(result), null,
        lockWait(result)));
  }

  /** How long the phase waited for the source's global read lock (journaled apart); none but the export's does. */
  protected java.time.Duration lockWait(R result) {
    return java.time.Duration.ZERO;
  }

  private void ended(RecordPhaseUseCase journal, RuntimeException failure) {
    boolean cancelled = context.control().cancelled();
    journal.end(new EndPhaseCommand(phase(), cancelled ? PhaseOutcome.CANCELLED : PhaseOutcome.FAILED,
        context.exitStatus().applyAsInt(failure), "", (cancelled ? "cancelled by the operator: " : "")
        + failure.getMessage(), failedTables(failure)));
  }

  /** Whether {@code --dry-run} was given; only commands that declare it (and implement {@link DryRun.Steps}) can. */
  protected boolean dryRunRequested() {
    return false;
  }

  /** The phase this command runs, as the run journal names it. */
  protected abstract Phase phase();

  /** Runs the phase in its session. */
  protected abstract R run(MigrationSession session);

  /** The operator's text form of the result. */
  protected abstract void print(R result);

  /** What {@code --quiet} prints: the phase and its summary. */
  final String summaryLine(R result) {
    String summary = summary(result);
    String name = phase().command();
    return Character.toUpperCase(name.charAt(0)) + name.substring(1) + ": " + (summary.isBlank() ? "done" : summary);
  }

  /** One line for the journal. */
  protected String summary(R result) {
    return "";
  }

  /** Each table's outcome for the journal; by default what the progress board saw, in the phase's state. */
  protected List<TableOutcome> tables(R result) {
    TableState state = doneState();
    List<TableOutcome> outcomes = new ArrayList<>();
    if (state != null) {
      for (TerminalProgressAdapter.TableTiming timing : context.progress().timings().values()) {
        outcomes.add(TableOutcome.done(timing.table(), state, timing.rows(), timing.millis()));
      }
    }
    return outcomes;
  }

  /** The state a table is in once this phase succeeded for it; null for phases that move no table. */
  protected TableState doneState() {
    return null;
  }

  /** What the journal says of each table when the phase failed: the finished ones done, the failing one failed. */
  private List<TableOutcome> failedTables(RuntimeException failure) {
    TableState state = doneState();
    List<TableOutcome> outcomes = new ArrayList<>();
    if (state == null) {
      return outcomes;
    }
    String failing = failure instanceof ImportRejectedException rejected ? rejected.table() : null;
    for (Map.Entry<String, TerminalProgressAdapter.TableTiming> entry : context.progress().timings().entrySet()) {
      TerminalProgressAdapter.TableTiming timing = entry.getValue();
      if (timing.finished() && !entry.getKey().equals(failing)) {
        outcomes.add(TableOutcome.done(timing.table(), state, timing.rows(), timing.millis()));
      } else {
        outcomes.add(TableOutcome.failed(timing.table(), timing.rows(), timing.table().equals(failing)
            ? failure.getMessage() : "not finished when the phase stopped"));
      }
    }
    return outcomes;
  }

  /** What {@code --output json} prints; the result itself unless a phase prints part of it. */
  protected Object jsonOf(R result) {
    return result;
  }

  /** Throws the phase's failure class when the result is a failure; after the result was printed. */
  protected void failIfFailed(R result) {}

  /** {@code user@host:port/database}: what the journal and reports say of a database, never its password. */
  static String describe(DatabaseEndpoint endpoint) {
    return endpoint.user() + "@" + endpoint.host() + ":" + endpoint.port() + "/" + endpoint.database();
  }

  static String describe(ConnectionSettings settings) {
    return describe(settings.target()) + " (schema " + settings.targetSchema() + ")";
  }
}
