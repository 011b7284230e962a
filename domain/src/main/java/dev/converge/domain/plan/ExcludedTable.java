package dev.converge.domain.plan;

import java.util.Objects;

/** A source table that is never copied, and why (a default the operator can see, or configuration). */
public record ExcludedTable(String table, String reason) {

  public ExcludedTable {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(reason, "reason");
  }
}
