package dev.converge.adapter.shell;

import dev.converge.application.port.out.RenderJsonPort;
import dev.converge.application.session.MigrationSession;
import dev.converge.application.session.MigrationSessions;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What every phase command shares: the connection options, {@code --help}, {@code --output}, one
 * session for the phase, the result printed as text or JSON, then a failure class thrown when the
 * result is a failure (so that the exit status says which).
 *
 * @param <R> the phase's result record
 */
abstract class PhaseCommand<R> implements Callable<Integer> {

  protected final PrintWriter out;
  private final MigrationSessions sessions;
  private final RenderJsonPort json;

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--output", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
  String output;

  PhaseCommand(MigrationSessions sessions, RenderJsonPort json, PrintWriter out) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.json = Objects.requireNonNull(json, "json");
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public final Integer call() {
    R result;
    try (MigrationSession session = sessions.open(connection.settings())) {
      result = run(session);
    }
    if ("json".equals(output)) {
      out.println(json.json(jsonOf(result)));
    } else {
      print(result);
    }
    out.flush();
    failIfFailed(result);
    return 0;
  }

  /** Runs the phase in its session. */
  protected abstract R run(MigrationSession session);

  /** The operator's text form of the result. */
  protected abstract void print(R result);

  /** What {@code --output json} prints; the result itself unless a phase prints part of it. */
  protected Object jsonOf(R result) {
    return result;
  }

  /** Throws the phase's failure class when the result is a failure; after the result was printed. */
  protected void failIfFailed(R result) {}
}
