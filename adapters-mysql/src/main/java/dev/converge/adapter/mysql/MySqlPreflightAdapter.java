package dev.converge.adapter.mysql;

import dev.converge.application.port.out.RunPreflightChecksPort;
import dev.converge.domain.conversion.ValueDisplay;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.plan.Finding;
import dev.converge.domain.plan.PreflightCheck;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Runs the plan's pre-flight checks as SQL on the (read-only) source: one counting query per
 * check, with an example value, each stopped by the server after its time limit
 * ({@code MAX_EXECUTION_TIME} on MySQL, {@code max_statement_time} on MariaDB).
 */
public final class MySqlPreflightAdapter implements RunPreflightChecksPort {

  private static final String NUL_ESCAPE_PATTERN = "(^|[^\\\\])(\\\\\\\\)*\\\\u0000";
  private static final String UUID_PATTERN =
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

  private final DataSource source;

  public MySqlPreflightAdapter(DataSource source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  @Override
  public List<Finding> run(List<PreflightCheck> checks, Duration perCheck, Duration total) {
    List<Finding> findings = new ArrayList<>();
    long deadline = System.nanoTime() + total.toNanos();
    try (Connection connection = source.getConnection()) {
      boolean mariaDb = connection.getMetaData().getDatabaseProductVersion().contains("MariaDB");
      for (PreflightCheck check : checks) {
        if (System.nanoTime() > deadline) {
          findings.add(new Finding(check, 0, null, false));
          continue;
        }
        findings.add(run(connection, check, perCheck, mariaDb));
      }
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.CONNECTION, "cannot run the pre-flight checks: " + e.getMessage(), e);
    }
    return findings;
  }

  private static Finding run(Connection connection, PreflightCheck check, Duration limit, boolean mariaDb)
      throws SQLException {
    Query query = query(check);
    String sql = mariaDb
        ? "SET STATEMENT max_statement_time = " + Math.max(1, limit.toSeconds()) + " FOR " + query.sql
        : query.sql.replaceFirst("^SELECT ", "SELECT /*+ MAX_EXECUTION_TIME(" + limit.toMillis() + ") */ ");
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < query.parameters.size(); i++) {
        if (check.kind() == PreflightCheck.Kind.NOT_A_LABEL) {
          // Compared with CAST(… AS BINARY): the labels go as bytes, exactly.
          statement.setBytes(i + 1, query.parameters.get(i).getBytes(StandardCharsets.UTF_8));
        } else {
          statement.setString(i + 1, query.parameters.get(i));
        }
      }
      // execute(), not executeQuery(): Connector/J refuses the latter for MariaDB's "SET STATEMENT … FOR SELECT".
      statement.execute();
      try (ResultSet result = statement.getResultSet()) {
        result.next();
        long rows = result.getLong(1);
        return new Finding(check, rows, rows == 0 ? null : ValueDisplay.of(result.getString(2)), true);
      }
    } catch (SQLException e) {
      // 3024 ER_QUERY_TIMEOUT (MySQL), 1969 ER_STATEMENT_TIMEOUT (MariaDB): the scan ran out of time.
      if (e.getErrorCode() == 3024 || e.getErrorCode() == 1969) {
        return new Finding(check, 0, null, false);
      }
      throw new ConvergeException(ErrorCode.CONNECTION, "pre-flight check " + check.kind() + " on "
          + check.table() + (check.column() == null ? "" : "." + check.column()) + " failed: " + e.getMessage(), e);
    }
  }

  /** The counting query: COUNT(*) of affected rows and the smallest affected value as the example. */
  private static Query query(PreflightCheck check) {
    String table = quote(check.table());
    if (check.kind() == PreflightCheck.Kind.ORPHAN) {
      List<String> child = check.foreignKey().columns();
      List<String> parent = check.foreignKey().referencedColumns();
      List<String> join = new ArrayList<>();
      List<String> present = new ArrayList<>();
      List<String> folded = check.uniqueKey() == null ? List.of() : check.uniqueKey().foldedColumns();
      for (int i = 0; i < child.size(); i++) {
        // As the target will compare: bytewise (no collation folding), uuids ignoring case.
        join.add(comparable("p." + quote(parent.get(i)), folded.contains(child.get(i)))
            + " = " + comparable("c." + quote(child.get(i)), folded.contains(child.get(i))));
        present.add("c." + quote(child.get(i)) + " IS NOT NULL");
      }
      String value = child.size() == 1 ? "c." + quote(child.get(0))
          : "CONCAT_WS(',', " + child.stream().map(c -> "c." + quote(c)).collect(Collectors.joining(", ")) + ")";
      return new Query("SELECT COUNT(*), MIN(" + value + ") FROM " + table + " c LEFT JOIN "
          + quote(check.foreignKey().referencedTable()) + " p ON " + String.join(" AND ", join)
          + " WHERE " + String.join(" AND ", present) + " AND p." + quote(parent.get(0)) + " IS NULL", List.of());
    }
    String column = quote(check.column());
    String text = check.dataType().equals("json") ? "CAST(" + column + " AS CHAR)" : column;
    return switch (check.kind()) {
      case NULL_IN_NOT_NULL -> new Query("SELECT COUNT(*), 'NULL' FROM " + table + " WHERE " + column + " IS NULL", List.of());
      // The length test first: REGEXP's $ also matches before a final newline, which a uuid may not have.
      case INVALID_UUID -> counted(table, column, column + " IS NOT NULL AND NOT (CHAR_LENGTH(" + column + ") = 36 AND "
          + column + " REGEXP '" + UUID_PATTERN + "')");
      case OUT_OF_RANGE -> counted(table, column, column + " < " + check.minimum() + " OR " + column + " > " + check.maximum());
      case TOO_LONG -> counted(table, "CONCAT(CHAR_LENGTH(" + text + "), ' characters: ', LEFT(" + text + ", 40))",
          "CHAR_LENGTH(" + text + ") > " + check.maxLength());
      case ZERO_DATE -> check.dataType().equals("year")
          ? counted(table, column, column + " = 0")
          : counted(table, "CAST(" + column + " AS CHAR)", column + " IS NOT NULL AND (YEAR(" + column + ") = 0 OR MONTH("
              + column + ") = 0 OR DAYOFMONTH(" + column + ") = 0)");
      // Bytewise: under utf8mb4_0900_ai_ci, U+0000 is ignorable and would never be found.
      case NUL_BYTE -> counted(table, column, "LOCATE(X'00', CAST(" + column + " AS BINARY)) > 0");
      // MySQL's JSON text and MariaDB's JSON-in-longtext both spell it \u0000; an escaped backslash
      // before "u0000" is plain text, so only an odd run of backslashes counts. Bound, so that no
      // sql_mode changes what the pattern means.
      // The bytewise LOCATE first: it is a fast substring search, so the regular expression only
      // runs on the rare documents that contain "u0000" at all.
      case JSON_NUL_ESCAPE -> new Query("SELECT COUNT(*), MIN(" + text + ") FROM " + table + " WHERE LOCATE(?, CAST("
          + text + " AS BINARY)) > 0 AND " + text + " REGEXP ?", List.of("u0000", NUL_ESCAPE_PATTERN));
      case NOT_EXACT -> check.scale() != null
          ? counted(table, column, column + " <> ROUND(" + column + ", " + check.scale() + ") OR ABS(" + column
              + ") >= POWER(10, " + (check.precision() - check.scale()) + ")")
          : counted(table, "CAST(" + column + " AS CHAR)", "MICROSECOND(" + column + ") % "
              + (long) Math.pow(10, 6 - check.precision()) + " <> 0");
      case DUPLICATE_KEY -> caseDuplicates(table, check);
      case NOT_BOOLEAN -> counted(table, column, column + " NOT IN (0, 1)");
      case NOT_A_LABEL -> new Query("SELECT COUNT(*), MIN(" + column + ") FROM " + table + " WHERE " + column
          + " IS NOT NULL AND CAST(" + column + " AS BINARY) NOT IN ("
          + check.labels().stream().map(label -> "?").collect(Collectors.joining(", ")) + ")", check.labels());
      case INVALID_JSON -> counted(table, column, column + " IS NOT NULL AND JSON_VALID(" + column + ") = 0");
      case TIME_OUT_OF_RANGE -> counted(table, "CAST(" + column + " AS CHAR)",
          column + " < '00:00:00' OR " + column + " > '24:00:00'");
      case CASE_DUPLICATE -> caseDuplicates(table, check);
      case ORPHAN -> throw new IllegalStateException("handled above");
    };
  }

  private static String comparable(String column, boolean folded) {
    return folded ? "CAST(LOWER(" + column + ") AS BINARY)" : "CAST(" + column + " AS BINARY)";
  }

  /**
   * Groups of rows equal in every key column once the folded ones are lower-cased. Bytewise, so that
   * the source collation's own case and accent folding does not decide.
   */
  private static Query caseDuplicates(String table, PreflightCheck check) {
    List<String> parts = new ArrayList<>();
    List<String> present = new ArrayList<>();
    for (String key : check.uniqueKey().columns()) {
      String column = quote(key);
      parts.add(check.uniqueKey().foldedColumns().contains(key)
          ? "CAST(LOWER(" + column + ") AS BINARY)" : "CAST(" + column + " AS BINARY)");
      present.add(column + " IS NOT NULL");
    }
    String key = String.join(", ", parts);
    // Every row of a colliding group after its first would be rejected by the target's unique index.
    return new Query("SELECT COALESCE(SUM(duplicates - 1), 0), MIN(example) FROM (SELECT COUNT(*) AS duplicates, MIN("
        + quote(check.column()) + ") AS example FROM " + table + " WHERE " + String.join(" AND ", present)
        + " GROUP BY " + key + " HAVING COUNT(*) > 1) collisions", List.of());
  }

  private static Query counted(String table, String example, String predicate) {
    return new Query("SELECT COUNT(*), MIN(" + example + ") FROM " + table + " WHERE " + predicate, List.of());
  }

  private static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  private record Query(String sql, List<String> parameters) {}

}
