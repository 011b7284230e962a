package dev.converge.application.port.in;

import dev.converge.application.port.in.RunPhaseUseCase.PhaseStep;

import dev.converge.application.connection.ConnectionSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A phase to run: its typed step, the databases (null for a step that does not connect, such as
 * validate) and the work directory whose journal gates and records it.
 */
public record RunPhaseCommand<R>(PhaseStep<R> step, ConnectionSettings settings, Path workDirectory,
    RunPhaseUseCase.Watcher watcher) {

  public RunPhaseCommand {
    Objects.requireNonNull(step, "step");
    if (step.connects()) {
      Objects.requireNonNull(settings, "settings");
    }
    workDirectory = workDirectory != null ? workDirectory : Objects.requireNonNull(settings, "settings").workDirectory();
    watcher = watcher == null ? RunPhaseUseCase.Watcher.NONE : watcher;
  }

  /** A step that connects, in the settings' work directory. */
  public RunPhaseCommand(PhaseStep<R> step, ConnectionSettings settings, RunPhaseUseCase.Watcher watcher) {
    this(step, settings, settings.workDirectory(), watcher);
  }
}
