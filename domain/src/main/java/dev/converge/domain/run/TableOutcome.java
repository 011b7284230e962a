package dev.converge.domain.run;

import java.util.Objects;

/**
 * What one phase did to one table: the state it left the table in, the rows it handled and how
 * long that took (0 when the phase does not time tables one by one), and, for {@code sync}, the rows
 * it changed (null for other phases).
 */
public record TableOutcome(String table, TableState state, long rows, long millis, String error, RowChanges changes) {

  /**
   * What {@code sync} changed in one table: rows inserted, updated and deleted, whether it reloaded it
   * whole, and the source rows the plan's decisions set aside and the values they changed (as the
   * work directory's records list them after the sync).
   */
  public record RowChanges(long inserted, long updated, long deleted, boolean fullReload, long quarantined,
      long changed) {
    public RowChanges {
      if (inserted < 0 || updated < 0 || deleted < 0 || quarantined < 0 || changed < 0) {
        throw new IllegalArgumentException("changed rows cannot be negative");
      }
    }

    /** Without decisions: nothing set aside or changed. */
    public RowChanges(long inserted, long updated, long deleted, boolean fullReload) {
      this(inserted, updated, deleted, fullReload, 0, 0);
    }
  }

  /** An outcome without row changes (every phase but sync). */
  public TableOutcome(String table, TableState state, long rows, long millis, String error) {
    this(table, state, rows, millis, error, null);
  }

  public TableOutcome {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(state, "state");
    if (rows < 0 || millis < 0) {
      throw new IllegalArgumentException("table " + table + ": rows and millis cannot be negative");
    }
  }

  public static TableOutcome done(String table, TableState state, long rows, long millis) {
    return new TableOutcome(table, state, rows, millis, null);
  }

  public static TableOutcome failed(String table, long rows, String error) {
    return new TableOutcome(table, TableState.FAILED, rows, 0, Objects.requireNonNull(error, "error"));
  }
}
