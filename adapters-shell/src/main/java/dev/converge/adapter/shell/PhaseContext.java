package dev.converge.adapter.shell;

import dev.converge.application.port.out.RenderJsonPort;
import dev.converge.application.session.MigrationSessions;
import dev.converge.application.session.Workspaces;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

/**
 * What every phase command is given: the sessions it connects through, the work directory's
 * journal, the JSON renderer, standard output, the progress board, how a failure maps to an exit
 * status (decided in bootstrap, the one place that knows), the front end's run control, and the
 * operator's environment (the variables passwords are read from; see {@link ConfiguredDefaults#variable}).
 */
public record PhaseContext(MigrationSessions sessions, Workspaces workspaces, RenderJsonPort json, PrintWriter out,
    TerminalProgressAdapter progress, ToIntFunction<Throwable> exitStatus, RunControl control,
    UnaryOperator<String> environment) {

  public PhaseContext {
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(workspaces, "workspaces");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(exitStatus, "exitStatus");
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(environment, "environment");
  }
}
