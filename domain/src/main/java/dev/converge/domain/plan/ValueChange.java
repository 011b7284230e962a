package dev.converge.domain.plan;

import java.util.Objects;

/**
 * One value a decision changed, or one row it set aside, as {@code changes.csv} lists it: verify
 * expects exactly these differences between the source and the target.
 *
 * @param key the row's primary key as export names it
 * @param column the source column changed; for a quarantined row, the column of the rule it broke
 * @param before the source's value as {@link dev.converge.domain.conversion.ValueDisplay} shows it
 * @param after the value loaded, shown the same way; {@code (quarantined)} for a row set aside
 * @param rule the decision: {@code default}, or {@code quarantine: } and the rule the row broke
 */
public record ValueChange(String table, String key, String column, String before, String after, String rule) {

  /** What {@link #after} says of a row that was not loaded. */
  public static final String QUARANTINED = "(quarantined)";

  public ValueChange {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(rule, "rule");
  }

  public boolean quarantined() {
    return QUARANTINED.equals(after);
  }
}
