package dev.converge.dataset;

import java.util.Objects;

/**
 * One dirty value the dirty variant of a reference dataset contains: where it is, what is wrong
 * with it, in how many rows, and the value itself, so tests can expect exactly these findings.
 *
 * @param table the MySQL table, as in {@link GeneratedTable#name()}
 * @param column the MySQL column holding the dirty value
 * @param kind what the target will object to
 * @param rows how many rows carry it
 * @param exampleValue the dirty value as the generator emits it, rendered as text
 */
public record DirtyTrap(
    String table, String column, DirtyKind kind, long rows, String exampleValue) {

  public DirtyTrap {
    if (table == null || table.isBlank() || column == null || column.isBlank()) {
      throw new IllegalArgumentException("a dirty trap needs a table and a column");
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(exampleValue, "exampleValue");
    if (rows < 1) {
      throw new IllegalArgumentException("a dirty trap covers at least one row, was " + rows);
    }
  }
}
