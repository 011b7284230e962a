package dev.converge.domain.run;

/** How a phase of a run ended; {@link #RUNNING} while it runs, or when its process was killed. */
public enum PhaseOutcome {
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED
}
