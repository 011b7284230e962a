package dev.converge.domain.verification;

import dev.converge.domain.conversion.ValueDisplay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The verdict on one checklist check, with its evidence: how many rows offended, the query's
 * columns and the first offending rows, or why the query could not run (a failed query is a FAIL,
 * never a skip).
 *
 * @param database the alias the query ran on, as the checklist names it
 * @param expect the expectation's keyword in the file: {@code zero-rows}, {@code value} or {@code found-in}
 * @param rows offending rows counted (for a value check: the rows the query returned)
 * @param examples the first offending rows, each value as PostgreSQL's text ({@code null}: NULL)
 * @param error why the query did not run to its end (SQLSTATE and server message), or null
 * @param origin for a failing check, whether the source holds its offending rows too
 * @param comparison what the comparison with the source found (or why there was none), or null for a passing check
 */
public record CheckResult(String checklist, String name, String description, String database, String expect,
    String expectation, boolean passed, long rows, List<String> columns, List<List<String>> examples, String error,
    CheckOrigin origin, String comparison) {

  public CheckResult {
    Objects.requireNonNull(checklist, "checklist");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(expect, "expect");
    Objects.requireNonNull(expectation, "expectation");
    columns = List.copyOf(columns);
    List<List<String>> copies = new ArrayList<>();
    for (List<String> row : examples) {
      // Values may be NULL, which List.copyOf refuses.
      copies.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    examples = Collections.unmodifiableList(copies);
    if (passed && error != null) {
      throw new IllegalArgumentException("a check whose query failed cannot pass");
    }
    origin = origin == null ? CheckOrigin.NOT_COMPARED : origin;
    if (origin != CheckOrigin.NOT_COMPARED && (passed || error != null)) {
      throw new IllegalArgumentException("only a check that found offending rows is compared with the source");
    }
  }

  /** A verdict not compared with the source. */
  public CheckResult(String checklist, String name, String description, String database, String expect,
      String expectation, boolean passed, long rows, List<String> columns, List<List<String>> examples, String error) {
    this(checklist, name, description, database, expect, expectation, passed, rows, columns, examples, error,
        CheckOrigin.NOT_COMPARED, null);
  }

  /** This verdict with what the comparison with the source found. */
  public CheckResult compared(CheckOrigin origin, String comparison) {
    return new CheckResult(checklist, name, description, database, expect, expectation, passed, rows, columns, examples,
        error, origin, comparison);
  }

  /** Whether verify fails on this check: it failed and its offending rows are not all true of the source too. */
  public boolean failsVerify() {
    return !passed && origin != CheckOrigin.PRE_EXISTING;
  }

  /** PASS, PRE-EXISTING (failed, but true of the source before the move too) or FAIL. */
  public String verdict() {
    return passed ? "PASS" : origin == CheckOrigin.PRE_EXISTING ? "PRE-EXISTING" : "FAIL";
  }

  /** A check whose query failed: a FAIL naming the server's SQLSTATE and message. */
  public static CheckResult failedQuery(String checklist, ChecklistCheck check, String error) {
    return new CheckResult(checklist, check.name(), check.description(), check.database(), check.expect().keyword(),
        check.expect().describe(), false, 0, List.of(), List.of(), Objects.requireNonNull(error, "error"));
  }

  /** One line: the verdict's facts, with the first rows as {@code column=value} pairs. */
  public String detail() {
    String on = database.equals(Checklist.TARGET) ? "" : "on " + database + ": ";
    if (error != null) {
      return on + "the query failed: " + error;
    }
    String expected = "expected " + expectation;
    boolean value = expect.equals(Expectation.Value.KEYWORD);
    if (passed) {
      return on + expected + ": " + (value ? "found" : "no row offends");
    }
    String shown = examples.stream().map(this::row).collect(Collectors.joining("; "));
    return on + expected + ", " + (value ? "the query returned " + rows + " row(s)" : rows + " offending row(s)")
        + (shown.isEmpty() ? "" : ": " + shown) + (rows > examples.size() ? "; …" : "")
        + (comparison == null ? "" : " — " + comparison);
  }

  private String row(List<String> values) {
    List<String> pairs = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      String column = i < columns.size() ? columns.get(i) : "?column" + (i + 1);
      pairs.add(column + "=" + shown(values.get(i)));
    }
    return "(" + String.join(", ", pairs) + ")";
  }

  /** A value as the report shows it: NULL, or quoted, control characters escaped, shortened. */
  public static String shown(String value) {
    return ValueDisplay.of(value);
  }
}
