package dev.converge.adapter.mysql;

import dev.converge.application.port.out.RunPreflightChecksPort;
import dev.converge.domain.conversion.ValueDisplay;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.plan.DirtyRow;
import dev.converge.domain.plan.Finding;
import dev.converge.domain.plan.ParentReferences;
import dev.converge.domain.plan.PreflightCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Finds the rows of the plan's foreign-key orphan checks on the (read-only) source, one query per
 * foreign key, each stopped by the server after its time limit ({@code MAX_EXECUTION_TIME} on MySQL,
 * {@code max_statement_time} on MariaDB). The parent is looked up with the collation's own equality,
 * so the parent's index answers it; only the candidate rows found that way are then compared
 * bytewise (uuid columns ignoring case), as PostgreSQL will compare them.
 */
public final class MySqlPreflightAdapter implements RunPreflightChecksPort {

  private final DataSource source;

  public MySqlPreflightAdapter(DataSource source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  @Override
  public List<Finding> run(List<PreflightCheck> checks, Duration perCheck, Duration total,
      Map<String, List<String>> rowKeys, Consumer<DirtyRow> orphans, BooleanSupplier stopped) {
    List<Finding> findings = new ArrayList<>();
    long deadline = System.nanoTime() + total.toNanos();
    try (Connection connection = source.getConnection()) {
      boolean mariaDb = connection.getMetaData().getDatabaseProductVersion().contains("MariaDB");
      for (PreflightCheck check : checks) {
        if (check.kind() != PreflightCheck.Kind.ORPHAN) {
          throw new IllegalArgumentException(check.kind() + " is the data scan's check, not a query's");
        }
        if (System.nanoTime() > deadline || stopped.getAsBoolean()) {
          findings.add(new Finding(check, 0, null, false));
          continue;
        }
        findings.add(run(connection, check, perCheck, mariaDb, rowKeys.getOrDefault(check.table(), List.of()), orphans));
      }
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.CONNECTION, "cannot run the orphan checks: " + e.getMessage(), e);
    }
    return findings;
  }

  private static Finding run(Connection connection, PreflightCheck check, Duration limit, boolean mariaDb,
      List<String> rowKey, Consumer<DirtyRow> orphans) throws SQLException {
    String query = orphanQuery(check, rowKey);
    String sql = mariaDb
        ? "SET STATEMENT max_statement_time = " + Math.max(1, limit.toSeconds()) + " FOR " + query
        : query.replaceFirst("^SELECT ", "SELECT /*+ MAX_EXECUTION_TIME(" + limit.toMillis() + ") */ ");
    List<String> child = check.foreignKey().columns();
    String column = String.join(",", child);
    String rule = ParentReferences.rule(check.foreignKey());
    long rows = 0;
    String example = null;
    // Forward-only, read-only, streamed: every orphan is reported, none held in memory.
    try (Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      statement.setFetchSize(Integer.MIN_VALUE);
      // execute(), not executeQuery(): Connector/J refuses the latter for MariaDB's "SET STATEMENT … FOR SELECT".
      statement.execute(sql);
      try (ResultSet result = statement.getResultSet()) {
        while (result.next()) {
          rows++;
          List<String> key = new ArrayList<>();
          for (int i = 0; i < rowKey.size(); i++) {
            key.add(rowKey.get(i) + "=" + ValueDisplay.of(value(result, i + 1)));
          }
          List<String> values = new ArrayList<>();
          for (int i = 0; i < child.size(); i++) {
            values.add(ValueDisplay.of(value(result, rowKey.size() + i + 1)));
          }
          String shown = String.join(", ", values);
          example = example == null ? shown : example;
          orphans.accept(new DirtyRow(check.table(), rowKey.isEmpty() ? "(no primary key) " + column + "=" + shown
              : String.join(", ", key), column, rule, shown, null));
        }
      }
      return new Finding(check, rows, example, true);
    } catch (SQLException e) {
      // 3024 ER_QUERY_TIMEOUT (MySQL), 1969 ER_STATEMENT_TIMEOUT (MariaDB): the query ran out of time.
      if (e.getErrorCode() == 3024 || e.getErrorCode() == 1969) {
        return new Finding(check, 0, null, false);
      }
      throw new ConvergeException(ErrorCode.CONNECTION, "orphan check of " + check.table() + " (foreign key "
          + check.foreignKey().name() + ") failed: " + e.getMessage(), e);
    }
  }

  private static Object value(ResultSet result, int index) throws SQLException {
    int type = result.getMetaData().getColumnType(index);
    return type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB
        ? result.getBytes(index) : result.getString(index);
  }

  /**
   * The child rows (key columns, then the foreign-key columns) whose parent the target will not find:
   * the parent is joined with the source collation's own equality — an index lookup on the parent's
   * key — and a child is an orphan when that finds no candidate, or when the candidate differs
   * bytewise (uuid columns: after lower-casing), which is only evaluated on the candidate found. (The
   * parent's key is unique in the source, so there is at most one candidate; a {@code NOT EXISTS}
   * with the bytewise test inside gave wrong answers on MariaDB 11.4.)
   */
  static String orphanQuery(PreflightCheck check, List<String> rowKey) {
    List<String> child = check.foreignKey().columns();
    List<String> parent = check.foreignKey().referencedColumns();
    List<String> folded = check.uniqueKey() == null ? List.of() : check.uniqueKey().foldedColumns();
    List<String> present = new ArrayList<>();
    List<String> indexed = new ArrayList<>();
    List<String> differs = new ArrayList<>();
    for (int i = 0; i < child.size(); i++) {
      String p = "p." + quote(parent.get(i));
      String c = "c." + quote(child.get(i));
      present.add(c + " IS NOT NULL");
      indexed.add(p + " = " + c);
      differs.add(folded.contains(child.get(i))
          ? "CAST(LOWER(" + p + ") AS BINARY) <> CAST(LOWER(" + c + ") AS BINARY)"
          : "CAST(" + p + " AS BINARY) <> CAST(" + c + " AS BINARY)");
    }
    List<String> selected = new ArrayList<>();
    rowKey.forEach(column -> selected.add("c." + quote(column)));
    child.forEach(column -> selected.add("c." + quote(column)));
    return "SELECT " + String.join(", ", selected) + " FROM " + quote(check.table()) + " c LEFT JOIN "
        + quote(check.foreignKey().referencedTable()) + " p ON " + String.join(" AND ", indexed) + " WHERE "
        + String.join(" AND ", present) + " AND (p." + quote(parent.get(0)) + " IS NULL OR "
        + String.join(" OR ", differs) + ")";
  }

  private static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}
