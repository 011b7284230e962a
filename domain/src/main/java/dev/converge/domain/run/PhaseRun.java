package dev.converge.domain.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One execution of a phase in a run: when it started and ended, how, a one-line summary, the
 * error when it failed and what it did to each table.
 *
 * @param finished null while the phase runs (or when its process died)
 * @param exitStatus the process exit status the outcome maps to (0 on success)
 * @param lockWaitMillis how long the phase waited for the source's global read lock (the export's
 *     snapshot): a matter of the source's load at that moment, not of the data's size, so the downtime
 *     projection never scales it
 */
public record PhaseRun(Phase phase, Instant started, Instant finished, PhaseOutcome outcome, int exitStatus,
    String summary, String error, List<TableOutcome> tables, long lockWaitMillis) {

  public PhaseRun {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(outcome, "outcome");
    if ((outcome == PhaseOutcome.RUNNING) != (finished == null)) {
      throw new IllegalArgumentException(phase + ": a running phase has no end, an ended one has");
    }
    summary = summary == null ? "" : summary;
    tables = List.copyOf(tables);
    if (lockWaitMillis < 0) {
      throw new IllegalArgumentException(phase + ": a negative lock wait, " + lockWaitMillis + " ms");
    }
  }

  public static PhaseRun started(Phase phase, Instant started) {
    return new PhaseRun(phase, started, null, PhaseOutcome.RUNNING, 0, "", null, List.of(), 0);
  }

  /** This run, ended. */
  public PhaseRun ended(Instant at, PhaseOutcome how, int status, String summaryLine, String failure,
      List<TableOutcome> outcomes, long lockWait) {
    if (how == PhaseOutcome.RUNNING) {
      throw new IllegalArgumentException("an ended phase cannot be running");
    }
    return new PhaseRun(phase, started, at, how, status, summaryLine, failure, outcomes, lockWait);
  }

  public boolean succeeded() {
    return outcome == PhaseOutcome.SUCCEEDED;
  }

  /** How long it ran; zero while it runs. */
  public Duration elapsed() {
    return finished == null ? Duration.ZERO : Duration.between(started, finished);
  }

  /** How long it waited for the source's global read lock. */
  public Duration lockWait() {
    return Duration.ofMillis(lockWaitMillis);
  }

  /** The rows the phase handled over all its tables. */
  public long rows() {
    return tables.stream().mapToLong(TableOutcome::rows).sum();
  }
}
