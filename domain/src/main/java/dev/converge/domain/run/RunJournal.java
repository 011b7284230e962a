package dev.converge.domain.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The record of one run (one work directory): its id, the databases it moves data between (no
 * secrets), and every phase it ran with its per-table outcomes. It is what {@code status},
 * {@code report} and the shell's phase gate read, from any process.
 *
 * @param source the source as {@code user@host:port/database}
 * @param target the target as {@code user@host:port/database (schema)}
 */
public record RunJournal(String runId, Instant created, String source, String target, List<PhaseRun> phases) {

  public RunJournal {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(created, "created");
    source = source == null ? "" : source;
    target = target == null ? "" : target;
    phases = List.copyOf(phases);
  }

  public static RunJournal start(String runId, Instant created, String source, String target) {
    return new RunJournal(runId, created, source, target, List.of());
  }

  /**
   * Why a phase connecting to {@code sourceNow} and {@code targetNow} may not use this journal's work
   * directory, if it may not: the run belongs to the databases it recorded, by name (and the target's
   * schema). The login and the address may change between phases — the same database reached
   * through a port-forward for the pre-copy and by its service name in the window — but a work
   * directory reused for another database would take its committed tables, export and plan for
   * the other's.
   */
  public Optional<String> otherDatabases(String sourceNow, String targetNow) {
    boolean sameSource = source.isEmpty() || sourceNow == null || databaseOf(source).equals(databaseOf(sourceNow));
    boolean sameTarget = target.isEmpty() || targetNow == null || databaseOf(target).equals(databaseOf(targetNow));
    if (phases.isEmpty() || (sameSource && sameTarget)) {
      return Optional.empty();
    }
    return Optional.of("this work directory holds the run from " + source + " to " + target + "; this command connects to "
        + (sameSource ? "" : sourceNow + (sameTarget ? "" : " and ")) + (sameTarget ? "" : targetNow)
        + ". A work directory belongs to one pair of databases: use a new --work-dir for these, or the connection"
        + " settings this run used");
  }

  /** {@code user@host:port/database (schema s)} without the login and the address: {@code database (schema s)}. */
  private static String databaseOf(String described) {
    String withoutUser = described.substring(described.indexOf('@') + 1);
    int slash = withoutUser.indexOf('/');
    return slash < 0 ? withoutUser : withoutUser.substring(slash + 1);
  }

  /** This journal with a phase begun (and the databases as this phase sees them). */
  public RunJournal begin(Phase phase, Instant at, String sourceNow, String targetNow) {
    List<PhaseRun> all = new ArrayList<>(phases);
    all.add(PhaseRun.started(phase, at));
    return new RunJournal(runId, created, sourceNow == null ? source : sourceNow, targetNow == null ? target : targetNow,
        all);
  }

  /** This journal with the latest running execution of {@code phase} ended, without a lock wait. */
  public RunJournal end(Phase phase, Instant at, PhaseOutcome how, int status, String summary, String error,
      List<TableOutcome> tables) {
    return end(phase, at, how, status, summary, error, tables, 0);
  }

  /** This journal with the latest running execution of {@code phase} ended, having waited {@code lockWaitMillis} for a lock. */
  public RunJournal end(Phase phase, Instant at, PhaseOutcome how, int status, String summary, String error,
      List<TableOutcome> tables, long lockWaitMillis) {
    List<PhaseRun> all = new ArrayList<>(phases);
    for (int i = all.size() - 1; i >= 0; i--) {
      PhaseRun run = all.get(i);
      if (run.phase() == phase && run.outcome() == PhaseOutcome.RUNNING) {
        all.set(i, run.ended(at, how, status, summary, error, tables, lockWaitMillis));
        return new RunJournal(runId, created, source, target, all);
      }
    }
    throw new IllegalStateException("run " + runId + ": phase " + phase.command() + " was never started");
  }

  /** The latest execution of {@code phase}, whatever its outcome. */
  public Optional<PhaseRun> latest(Phase phase) {
    for (int i = phases.size() - 1; i >= 0; i--) {
      if (phases.get(i).phase() == phase) {
        return Optional.of(phases.get(i));
      }
    }
    return Optional.empty();
  }

  /** The latest successful execution of {@code phase}. */
  public Optional<PhaseRun> latestSucceeded(Phase phase) {
    for (int i = phases.size() - 1; i >= 0; i--) {
      if (phases.get(i).phase() == phase && phases.get(i).succeeded()) {
        return Optional.of(phases.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * Where each table stands: the outcome of the latest phase that handled it, in the order tables
   * first appeared. A rollback puts every table back to pending.
   */
  public Map<String, TableOutcome> tables() {
    Map<String, TableOutcome> state = new LinkedHashMap<>();
    for (PhaseRun run : phases) {
      if (run.phase() == Phase.ROLLBACK && run.succeeded()) {
        state.replaceAll((table, outcome) -> TableOutcome.done(table, TableState.PENDING, 0, 0));
      }
      for (TableOutcome table : run.tables()) {
        TableOutcome before = state.get(table.table());
        // Verify counts rows but reports checks: the rows stay those the table was moved with.
        boolean keepRows = table.rows() == 0 && before != null && table.state() != TableState.PENDING;
        state.put(table.table(), keepRows
            ? new TableOutcome(table.table(), table.state(), before.rows(), table.millis(), table.error(), table.changes())
            : table);
      }
    }
    return state;
  }

  /**
   * Why {@code phase} may not run now, if it may not: the state machine of a run. Plan, schema,
   * status, report and rollback may always run; each data phase needs the one before it to have
   * succeeded since the last time its own input changed.
   */
  public Optional<String> refusal(Phase phase) {
    return switch (phase) {
      case EXPORT -> latestSucceeded(Phase.PLAN).isPresent() ? Optional.empty()
          : Optional.of("there is no successful plan yet; run plan first");
      case VALIDATE -> after(Phase.EXPORT, Phase.PLAN) ? Optional.empty()
          : Optional.of("there is no export of the current plan yet; run export first");
      case IMPORT -> after(Phase.VALIDATE, Phase.EXPORT) && after(Phase.EXPORT, Phase.PLAN) ? Optional.empty()
          : Optional.of("the latest export has not passed validation; run validate first");
      case VERIFY -> after(Phase.IMPORT, Phase.ROLLBACK) && after(Phase.IMPORT, Phase.VALIDATE) ? Optional.empty()
          : Optional.of("nothing has been imported since the latest validation or rollback; run import first");
      case SYNC -> after(Phase.IMPORT, Phase.ROLLBACK) || after(Phase.SYNC, Phase.ROLLBACK) ? Optional.empty()
          : Optional.of("the target was never loaded (or was rolled back since); pre-copy with migrate first");
      default -> Optional.empty();
    };
  }

  /** The phase an operator would run next, given what succeeded so far (a sync since the import proved the target). */
  public Phase next() {
    if (latestSucceeded(Phase.PLAN).isPresent() && after(Phase.SYNC, Phase.IMPORT) && after(Phase.SYNC, Phase.ROLLBACK)
        && after(Phase.SYNC, Phase.PLAN)) {
      return Phase.REPORT;
    }
    for (Phase phase : List.of(Phase.EXPORT, Phase.VALIDATE, Phase.IMPORT, Phase.VERIFY)) {
      if (latestSucceeded(Phase.PLAN).isEmpty()) {
        return Phase.PLAN;
      }
      boolean done = after(phase, previous(phase)) && (phase != Phase.IMPORT || after(phase, Phase.ROLLBACK));
      if (refusal(phase).isEmpty() && !done) {
        return phase;
      }
    }
    return Phase.REPORT;
  }

  /**
   * The window step of a two-step cut-over, once the target holds a pre-copy: {@code sync} may run
   * instead of (or after) the next phase. Empty before the first import, or after a rollback.
   */
  public Optional<Phase> cutOverByDelta() {
    return refusal(Phase.SYNC).isEmpty() && latestSucceeded(Phase.PLAN).isPresent() ? Optional.of(Phase.SYNC)
        : Optional.empty();
  }

  private static Phase previous(Phase phase) {
    return switch (phase) {
      case EXPORT -> Phase.PLAN;
      case VALIDATE -> Phase.EXPORT;
      case IMPORT -> Phase.VALIDATE;
      case VERIFY -> Phase.IMPORT;
      default -> phase;
    };
  }

  /** Whether {@code phase} succeeded after the latest success of {@code earlier} (or earlier never ran, for rollback). */
  private boolean after(Phase phase, Phase earlier) {
    int done = lastSuccessIndex(phase);
    if (done < 0) {
      return false;
    }
    return done > lastSuccessIndex(earlier);
  }

  private int lastSuccessIndex(Phase phase) {
    for (int i = phases.size() - 1; i >= 0; i--) {
      if (phases.get(i).phase() == phase && phases.get(i).succeeded()) {
        return i;
      }
    }
    return -1;
  }
}
