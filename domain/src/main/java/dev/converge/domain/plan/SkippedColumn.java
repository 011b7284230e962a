package dev.converge.domain.plan;

import java.util.Objects;

/** A column that is not copied, and why (generated in the source, ignored by configuration, defaulted in the target). */
public record SkippedColumn(String column, String reason) {

  public SkippedColumn {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(reason, "reason");
  }
}
