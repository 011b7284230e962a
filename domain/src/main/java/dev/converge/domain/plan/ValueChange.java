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
 * @param rule the decision: {@code default}, {@code quarantine: CODE: } and the rule the row broke,
 *     {@code policy: SETTING: } and the rule the value broke before the policy changed it, or
 *     {@code map: TABLE.COLUMN} for a value the column's lookup replaced
 */
public record ValueChange(String table, String key, String column, String before, String after, String rule) {

  /** What {@link #after} says of a row that was not loaded. */
  public static final String QUARANTINED = "(quarantined)";
  /** How the rule of a value a column policy changed begins ({@code policy: nul-bytes=strip: …}). */
  public static final String POLICY = "policy";
  /** How the rule of a value a quarantine set aside begins ({@code quarantine: unique: …}). */
  public static final String QUARANTINE = "quarantine";

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

  /**
   * The decision as the reports count it: {@code default}, {@code map}, {@code quarantine: CODE}
   * or {@code policy: SETTING} (the rule without its words).
   */
  public String decision() {
    return decisionOf(rule);
  }

  /** {@link #decision()} of a rule as {@code changes.csv} holds it. */
  public static String decisionOf(String rule) {
    int first = rule.indexOf(": ");
    if (first < 0) {
      return rule;
    }
    String head = rule.substring(0, first);
    if (!head.equals(QUARANTINE) && !head.equals(POLICY)) {
      return head;
    }
    int second = rule.indexOf(": ", first + 2);
    return second < 0 ? rule : rule.substring(0, second);
  }
}
