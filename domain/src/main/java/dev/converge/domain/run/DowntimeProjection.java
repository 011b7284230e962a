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
 * for the time during which none of the phases before it ran. It assumes time grows
 * linearly with rows, which the benchmarks check (docs/performance.md) — except the time the export
 * waited for the source's global read lock, which depends on what else ran on the source then, not
 * on the rows: it is carried over as measured, never scaled.
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
    List<PhaseRun> earlier = new ArrayList<>();
    for (Phase phase : List.of(Phase.EXPORT, Phase.VALIDATE, Phase.IMPORT, Phase.VERIFY)) {
      PhaseRun run = journal.latestSucceeded(phase).orElse(null);
      if (run == null) {
        continue;
      }
      long rows = run.rows() > 0 ? run.rows() : rehearsal;
      Duration measured = uncovered(run, earlier);
      earlier.add(run);
      if (rows > 0) {
        double factor = (double) production / rows;
        Duration lockWait = run.lockWait().compareTo(measured) < 0 ? run.lockWait() : measured;
        estimates.add(new PhaseEstimate(phase, rows, measured,
            Duration.ofNanos(Math.round(measured.minus(lockWait).toNanos() * factor)).plus(lockWait)));
      }
    }
    return new DowntimeProjection(rehearsal, production, estimates, window);
  }

  /**
   * The window of a two-step cut-over (pre-copy with {@code migrate} while the application runs, then
   * {@code sync} in the window), from the latest successful sync: its measured rate over the rows it
   * compared (its proof included) applied to {@code productionRows} (the synced rows when 0 or
   * less). Empty when no sync was journaled. The rate holds for a delta of the rehearsal's size
   * relative to the table; a production source that changes more between pre-copy and window takes
   * longer (docs/rehearsal.md).
   */
  public static java.util.Optional<PhaseEstimate> syncEstimate(RunJournal journal, long productionRows) {
    return journal.latestSucceeded(Phase.SYNC).filter(run -> run.rows() > 0).map(run -> {
      long production = productionRows > 0 ? productionRows : run.rows();
      Duration measured = run.elapsed();
      return new PhaseEstimate(Phase.SYNC, run.rows(), measured,
          Duration.ofNanos(Math.round(measured.toNanos() * ((double) production / run.rows()))));
    });
  }

  /** The part of {@code run}'s time during which none of the {@code earlier} phases ran. */
  private static Duration uncovered(PhaseRun run, List<PhaseRun> earlier) {
    List<java.time.Instant[]> overlaps = new ArrayList<>();
    for (PhaseRun other : earlier) {
      java.time.Instant from = other.started().isAfter(run.started()) ? other.started() : run.started();
      java.time.Instant to = other.finished().isBefore(run.finished()) ? other.finished() : run.finished();
      if (from.isBefore(to)) {
        overlaps.add(new java.time.Instant[] {from, to});
      }
    }
    overlaps.sort(java.util.Comparator.comparing(interval -> interval[0]));
    Duration covered = Duration.ZERO;
    java.time.Instant reached = run.started();
    for (java.time.Instant[] interval : overlaps) {
      java.time.Instant from = interval[0].isAfter(reached) ? interval[0] : reached;
      if (interval[1].isAfter(from)) {
        covered = covered.plus(Duration.between(from, interval[1]));
        reached = interval[1];
      }
    }
    return run.elapsed().minus(covered);
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
