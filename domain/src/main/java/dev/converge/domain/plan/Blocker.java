package dev.converge.domain.plan;

import java.util.Objects;

/** Something that stops the migration until the operator fixes it; names the table and column. */
public record Blocker(String table, String column, String reason) {

  public Blocker {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return table + (column == null ? "" : "." + column) + ": " + reason;
  }
}
