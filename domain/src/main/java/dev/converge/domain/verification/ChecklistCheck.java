package dev.converge.domain.verification;

import dev.converge.domain.failure.InvalidChecklistException;
import java.util.regex.Pattern;

/**
 * One named SQL check of an operator's checklist.
 *
 * @param database the alias of the database the query runs on ({@link Checklist#TARGET} by default)
 * @param sql one query (SELECT, WITH … SELECT, VALUES, TABLE); run read-only, as a subquery
 * @param expect what the query must return; zero rows by default
 */
public record ChecklistCheck(String name, String description, String database, String sql, Expectation expect) {

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
  }
}
