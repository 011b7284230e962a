package dev.converge.adapter.mysql;

import dev.converge.application.port.out.RunSourceQueryPort;
import dev.converge.domain.failure.CheckQueryFailedException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Runs a checklist check's source form on the source, through the read-only source pool. The query
 * runs as a derived table (so exactly one statement) under the server's own time limit
 * ({@code MAX_EXECUTION_TIME} on MySQL, {@code max_statement_time} on MariaDB), and its rows stream.
 */
public final class MySqlSourceQueryAdapter implements RunSourceQueryPort {

  private final DataSource source;
  private final String database;

  public MySqlSourceQueryAdapter(DataSource source, String database) {
    this.source = Objects.requireNonNull(source, "source");
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public List<String> query(String sql, Duration timeout, Consumer<List<String>> rows) {
    String checked = "SELECT * FROM (\n" + withoutFinalSemicolon(sql) + "\n) AS checked";
    try (Connection connection = source.getConnection()) {
      boolean mariaDb = connection.getMetaData().getDatabaseProductVersion().contains("MariaDB");
      String limited = mariaDb
          ? "SET STATEMENT max_statement_time = " + Math.max(1, timeout.toSeconds()) + " FOR " + checked
          : checked.replaceFirst("^SELECT ", "SELECT /*+ MAX_EXECUTION_TIME(" + Math.max(1, timeout.toMillis()) + ") */ ");
      try (Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        // Connector/J streams a forward-only, read-only result row by row only with this fetch size.
        statement.setFetchSize(Integer.MIN_VALUE);
        // execute(), not executeQuery(): Connector/J refuses the latter for MariaDB's "SET STATEMENT … FOR SELECT".
        statement.execute(limited);
        try (ResultSet result = statement.getResultSet()) {
          ResultSetMetaData meta = result.getMetaData();
          List<String> columns = new ArrayList<>(meta.getColumnCount());
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
          }
          String[] values = new String[columns.size()];
          List<String> row = Arrays.asList(values);
          while (result.next()) {
            for (int i = 0; i < values.length; i++) {
              values[i] = result.getString(i + 1);
            }
            rows.accept(row);
          }
          return List.copyOf(columns);
        }
      }
    } catch (SQLException e) {
      throw new CheckQueryFailedException(database, e.getSQLState() == null ? "(none)" : e.getSQLState(),
          e.getMessage(), e);
    }
  }

  private static String withoutFinalSemicolon(String sql) {
    return sql.strip().replaceFirst(";+$", "").strip();
  }
}
