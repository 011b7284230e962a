package dev.converge.domain.run;

import java.util.Objects;

/**
 * What one phase did to one table: the state it left the table in, the rows it handled and how
 * long that took (0 when the phase does not time tables one by one).
 */
public record TableOutcome(String table, TableState state, long rows, long millis, String error) {

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
