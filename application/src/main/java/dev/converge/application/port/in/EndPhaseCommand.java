package dev.converge.application.port.in;

import dev.converge.domain.run.Phase;
import dev.converge.domain.run.PhaseOutcome;
import dev.converge.domain.run.TableOutcome;
import java.util.List;
import java.util.Objects;

/** A phase ended: how, with which exit status, a summary line, the error if any, and each table's outcome. */
public record EndPhaseCommand(Phase phase, PhaseOutcome outcome, int exitStatus, String summary, String error,
    List<TableOutcome> tables) {

  public EndPhaseCommand {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(outcome, "outcome");
    tables = List.copyOf(tables);
  }
}
