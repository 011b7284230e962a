package dev.converge.domain.verification;

import java.math.BigDecimal;

/** What a checklist query must return for its check to pass. */
public sealed interface Expectation {

  /** The expectation as an operator reads it in a report. */
  String describe();

  /** The expectation's keyword in a checklist file. */
  String keyword();

  /** No row at all; every row returned is an offending row. The default. */
  record ZeroRows() implements Expectation {

    public static final String KEYWORD = "zero-rows";

    @Override
    public String keyword() {
      return KEYWORD;
    }

    @Override
    public String describe() {
      return "zero rows";
    }
  }

  /**
   * Exactly one row of one column holding {@code expected} ({@code null}: SQL NULL). Compared as
   * text, except that numbers compare by value ({@code 1} = {@code 1.0}) and {@code true}/{@code
   * false} match PostgreSQL's {@code t}/{@code f}.
   */
  record Value(String expected) implements Expectation {

    public static final String KEYWORD = "value";

    @Override
    public String keyword() {
      return KEYWORD;
    }

    public boolean matches(String actual) {
      if (expected == null || actual == null) {
        return expected == actual;
      }
      if (expected.equals(actual)) {
        return true;
      }
      if (expected.equals("true") || expected.equals("false")) {
        return actual.equals(expected.substring(0, 1));
      }
      try {
        return new BigDecimal(expected).compareTo(new BigDecimal(actual)) == 0;
      } catch (NumberFormatException notBothNumbers) {
        return false;
      }
    }

    @Override
    public String describe() {
      return "the single value " + (expected == null ? "NULL" : "'" + expected + "'");
    }
  }

  /**
   * Every row's first value is among the first values another query returns, on the same or
   * another database of the target's server: a set inclusion across databases. A row whose first
   * value is NULL is never found.
   *
   * @param database a database alias of the checklist, or {@link Checklist#TARGET}
   */
  record FoundIn(String database, String sql) implements Expectation {

    public static final String KEYWORD = "found-in";

    public FoundIn {
      database = database == null ? Checklist.TARGET : database;
      if (sql == null || sql.isBlank()) {
        throw new dev.converge.domain.failure.InvalidChecklistException(null, null, "expect.found-in.sql",
            "must not be blank");
      }
    }

    @Override
    public String keyword() {
      return KEYWORD;
    }

    @Override
    public String describe() {
      return "every row's first value found by the query on " + database;
    }
  }
}
