package dev.converge.application.port.in;

import dev.converge.domain.run.Phase;
import dev.converge.domain.run.PhaseOutcome;
import dev.converge.domain.run.TableOutcome;
import java.util.List;
import java.util.Objects;

/**
 * A phase ended: how, with which exit status, a summary line, the error if any, each table's
 * outcome, and when ({@code null}: now; {@code migrate} ends the phases it overlapped at the moments
 * each really finished), and how long it waited for the source's global read lock (the export's
 * snapshot; journaled apart, never scaled by the downtime projection).
 */
public record EndPhaseCommand(Phase phase, PhaseOutcome outcome, int exitStatus, String summary, String error,
    List<TableOutcome> tables, java.time.Instant at, java.time.Duration lockWait) {

  public EndPhaseCommand {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(outcome, "outcome");
    tables = List.copyOf(tables);
    Objects.requireNonNull(lockWait, "lockWait");
  }

  /** A phase that ended at {@code at} without waiting for a lock. */
  public EndPhaseCommand(Phase phase, PhaseOutcome outcome, int exitStatus, String summary, String error,
      List<TableOutcome> tables, java.time.Instant at) {
    this(phase, outcome, exitStatus, summary, error, tables, at, java.time.Duration.ZERO);
  }

  /** A phase that ended now. */
  public EndPhaseCommand(Phase phase, PhaseOutcome outcome, int exitStatus, String summary, String error,
      List<TableOutcome> tables) {
    this(phase, outcome, exitStatus, summary, error, tables, null);
  }
}
