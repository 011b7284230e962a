package dev.converge.domain.verification;

import dev.converge.domain.failure.InvalidChecklistException;
import java.util.regex.Pattern;

/**
 * One named SQL check of an operator's checklist.
 *
 * @param database the alias of the database the query runs on ({@link Checklist#TARGET} by default)
 * @param sql one query (SELECT, WITH … SELECT, VALUES, TABLE); run read-only, as a subquery
 * @param expect what the query must return; zero rows by default
 * @param sourceSql the same question asked of the source in its own dialect, or null: when the check
 *     fails, its offending rows are compared with the source's (only a zero-rows check on the target has one)
 */
public record ChecklistCheck(String name, String description, String database, String sql, Expectation expect,
    String sourceSql) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  public ChecklistCheck {
    if (name == null || name.isBlank()) {
      throw new InvalidChecklistException(null, null, "name", "is required");
    }
    if (!NAME.matcher(name).matches()) {
      throw new InvalidChecklistException(null, name, "name",
          "use letters, digits, '.', '_' and '-' (at most 100, starting with a letter or digit)");
    }
    description = description == null ? "" : description.strip();
    database = database == null ? Checklist.TARGET : database;
    if (database.isBlank()) {
      throw new InvalidChecklistException(null, name, "database", "must not be blank");
    }
    if (sql == null || sql.isBlank()) {
      throw new InvalidChecklistException(null, name, "sql", "is required");
    }
    expect = expect == null ? new Expectation.ZeroRows() : expect;
    if (sourceSql != null) {
      if (sourceSql.isBlank()) {
        throw new InvalidChecklistException(null, name, "source-sql", "must not be blank");
      }
      if (!database.equals(Checklist.TARGET)) {
        throw new InvalidChecklistException(null, name, "source-sql", "is only for a check on the target database,"
            + " not on database '" + database + "' (the source is compared with the target only)");
      }
      if (!(expect instanceof Expectation.ZeroRows)) {
        throw new InvalidChecklistException(null, name, "source-sql", "is only for a zero-rows check, not for expect "
            + expect.keyword() + " (its offending rows are what is compared with the source)");
      }
    }
  }

  /** A check without a source form. */
  public ChecklistCheck(String name, String description, String database, String sql, Expectation expect) {
    this(name, description, database, sql, expect, null);
  }
}
