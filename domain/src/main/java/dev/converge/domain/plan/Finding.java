package dev.converge.domain.plan;

import java.util.Objects;

/**
 * The answer to one pre-flight check: how many source rows are affected and one example value.
 *
 * @param example an affected value (or key), already shortened for display, or null when none
 * @param completed false when the scan ran out of time before it could count
 */
public record Finding(PreflightCheck check, long rows, String example, boolean completed) {

  public Finding {
    Objects.requireNonNull(check, "check");
    if (rows < 0) {
      throw new IllegalArgumentException("rows cannot be negative");
    }
  }

  /**
   * Whether the finding stops the export: rows were found and the column's policy rejects them, or
   * the check could not finish (unchecked data is not assumed clean).
   */
  public boolean blocking() {
    return !completed || (rows > 0 && check.policyRejects());
  }

  /** One line for the operator: table, column, count, example and what it means. */
  public String describe() {
    String where = check.table() + (check.column() == null ? "" : "." + check.column());
    return where + ": " + summary();
  }

  /** The finding without its location. */
  public String summary() {
    if (!completed) {
      return "not checked in time (" + check.kind().meaning() + "); give the scan more time (--check-timeout,"
          + " --scan-budget) or accept unchecked data with --accept-unchecked";
    }
    return rows + " row(s) " + check.kind().meaning()
        + (example == null ? "" : ", e.g. " + example)
        + (rows > 0 && !check.policyRejects() ? " — handled by policy" : "");
  }
}
