package dev.converge.adapter.postgres;

import dev.converge.adapter.postgres.connection.PostgresDataSourceFactory;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.port.out.RunChecklistQueryPort;
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
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs checklist queries on the target's server: the target database through the session's pool,
 * another database of the same server on a connection of its own with the same login. Each query
 * runs as a subquery (so exactly one statement) in a read-only transaction with a statement
 * timeout, and its rows stream through a cursor.
 */
public final class PostgresChecklistQueryAdapter implements RunChecklistQueryPort {

  private static final int FETCH_ROWS = 1_000;

  private final DataSource target;
  private final DatabaseEndpoint endpoint;
  private final String schema;

  public PostgresChecklistQueryAdapter(DataSource target, DatabaseEndpoint endpoint, String schema) {
    this.target = Objects.requireNonNull(target, "target");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.schema = Objects.requireNonNull(schema, "schema");
  }

  @Override
  public List<String> query(String database, String sql, Duration timeout, Consumer<List<String>> rows) {
    String name = database == null ? endpoint.database() : database;
    try (Connection connection = database == null ? target.getConnection()
        : PostgresDataSourceFactory.single(endpoint.withDatabase(database))) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        // The transaction's first statement: nothing the check runs can write, and all of it sees one snapshot.
        statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        statement.execute("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
        if (database == null) {
          // Unqualified names mean the application's tables, as in every other phase.
          statement.execute("SET LOCAL search_path TO " + quote(schema));
        }
        statement.setFetchSize(FETCH_ROWS);
        // As a subquery the text is exactly one query: "SELECT 1; DELETE …" is a syntax error, not two statements.
        try (ResultSet result = statement.executeQuery("SELECT * FROM (\n" + withoutFinalSemicolon(sql) + "\n) AS checked")) {
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
      } finally {
        endReadOnly(connection);
      }
    } catch (SQLException e) {
      throw new CheckQueryFailedException(name, e.getSQLState() == null ? "(none)" : e.getSQLState(), serverMessage(e), e);
    }
  }

  /**
   * Ends the transaction. It wrote nothing, so a failure here loses nothing; and it must not hide
   * the query's own error (HikariCP closes a connection after some SQLSTATEs, e.g. 0A000).
   */
  private static void endReadOnly(Connection connection) {
    try {
      if (!connection.isClosed()) {
        connection.rollback();
      }
    } catch (SQLException ignored) {
      // The pool discards a connection in this state; the query's error is the one to report.
    }
  }

  /** The server's own words (message, detail, hint) when it sent them; else the driver's. */
  private static String serverMessage(SQLException e) {
    ServerErrorMessage server = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
    if (server == null || server.getMessage() == null) {
      return e.getMessage();
    }
    StringBuilder message = new StringBuilder(server.getMessage());
    if (server.getDetail() != null) {
      message.append(" (").append(server.getDetail()).append(')');
    }
    if (server.getHint() != null) {
      message.append("; hint: ").append(server.getHint());
    }
    return message.toString();
  }

  private static String withoutFinalSemicolon(String sql) {
    return sql.strip().replaceFirst(";+$", "").strip();
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
