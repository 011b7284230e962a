package dev.converge.domain.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The cut-over duration a rehearsal predicts: each data phase's measured rate (rows per second
 * over the whole phase, so parallelism and per-table overheads are in it) applied to the
 * production row count, summed, and compared with the maintenance window. Phases that ran at the
 * same time ({@code migrate}'s export, validate and import) count once: each phase is measured only
 * for the time it ran on after the phases before it had finished. It assumes time grows
 * linearly with rows, which the benchmarks check (docs/performance.md).
 */
public record DowntimeProjection(long rehearsalRows, long productionRows, List<PhaseEstimate> phases,
    Duration window) {

  /** One phase: what the rehearsal measured and what production would take at that rate. */
  public record PhaseEstimate(Phase phase, long rows, Duration measured, Duration projected) {
    public PhaseEstimate {
      Objects.requireNonNull(phase, "phase");
      Objects.requireNonNull(measured, "measured");
      Objects.requireNonNull(projected, "projected");
    }

    public double rowsPerSecond() {
      return rows / Math.max(measured.toNanos() / 1e9, 1e-3);
    }
  }

  public DowntimeProjection {
    phases = List.copyOf(phases);
    Objects.requireNonNull(window, "window");
  }

  /**
   * Projects the journal's latest successful export, validate, import and verify onto
   * {@code productionRows} (the rehearsal's own row count when it is 0 or less).
   */
  public static DowntimeProjection of(RunJournal journal, long productionRows, Duration window) {
    long rehearsal = journal.latestSucceeded(Phase.EXPORT).map(PhaseRun::rows).orElse(0L);
    long production = productionRows > 0 ? productionRows : rehearsal;
    List<PhaseEstimate> estimates = new ArrayList<>();
    java.time.Instant before = null;
    for (Phase phase : List.of(Phase.EXPORT, Phase.VALIDATE, Phase.IMPORT, Phase.VERIFY)) {
      PhaseRun run = journal.latestSucceeded(phase).orElse(null);
      if (run == null) {
        continue;
      }
      long rows = run.rows() > 0 ? run.rows() : rehearsal;
      Duration measured = beyond(run, before);
      if (before == null || run.finished().isAfter(before)) {
        before = run.finished();
      }
      if (rows > 0) {
        double factor = (double) production / rows;
        estimates.add(new PhaseEstimate(phase, rows, measured, Duration.ofNanos(Math.round(measured.toNanos() * factor))));
      }
    }
    return new DowntimeProjection(rehearsal, production, estimates, window);
  }

  /** The time {@code run} went on after {@code before} (when the phases before it had finished); all of it when it began later. */
  private static Duration beyond(PhaseRun run, java.time.Instant before) {
    if (before == null || !run.started().isBefore(before)) {
      return run.elapsed();
    }
    Duration rest = Duration.between(before, run.finished());
    return rest.isNegative() ? Duration.ZERO : rest;
  }

  public Duration total() {
    return phases.stream().map(PhaseEstimate::projected).reduce(Duration.ZERO, Duration::plus);
  }

  /** Whether every data phase was measured (a projection from fewer phases is incomplete). */
  public boolean complete() {
    return phases.size() == 4;
  }

  public boolean fitsWindow() {
    return complete() && total().compareTo(window) <= 0;
  }

  /** The projection's verdict in words. */
  public String verdict() {
    if (!complete()) {
      return "incomplete: the rehearsal lacks a successful " + String.join(", ", missing())
          + " phase, so the projection is a lower bound";
    }
    Duration margin = window.minus(total());
    return fitsWindow()
        ? "fits the " + window.toMinutes() + "-minute window with " + minutes(margin) + " to spare"
        : "exceeds the " + window.toMinutes() + "-minute window by " + minutes(margin.negated());
  }

  private List<String> missing() {
    List<String> missing = new ArrayList<>();
    for (Phase phase : List.of(Phase.EXPORT, Phase.VALIDATE, Phase.IMPORT, Phase.VERIFY)) {
      if (phases.stream().noneMatch(estimate -> estimate.phase() == phase)) {
        missing.add(phase.command());
      }
    }
    return missing;
  }

  /** {@code 12 min 05 s}. */
  public static String minutes(Duration duration) {
    return String.format(java.util.Locale.ROOT, "%d min %02d s", duration.toMinutes(), duration.toSecondsPart());
  }
}
