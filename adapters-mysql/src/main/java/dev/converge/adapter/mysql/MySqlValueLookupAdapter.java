package dev.converge.adapter.mysql;

import dev.converge.application.port.out.LookupSourceValuesPort;
import dev.converge.domain.failure.CheckQueryFailedException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The operator's column maps answered on the source through the read-only pool: one connection for
 * the session, in one read-only transaction with a consistent snapshot (every answer from one view),
 * each lookup prepared once, every {@code ?} bound to the value.
 */
public final class MySqlValueLookupAdapter implements LookupSourceValuesPort {

  private final DataSource source;
  private final String database;

  public MySqlValueLookupAdapter(DataSource source, String database) {
    this.source = Objects.requireNonNull(source, "source");
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public Session open() {
    Connection connection = null;
    try {
      connection = source.getConnection();
      connection.setReadOnly(true);
      try (Statement statement = connection.createStatement()) {
        statement.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
      }
      return new Lookups(connection);
    } catch (SQLException e) {
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw failed(e);
    }
  }

  private CheckQueryFailedException failed(SQLException e) {
    return new CheckQueryFailedException(database, e.getSQLState() == null ? "(none)" : e.getSQLState(),
        "a --map lookup: " + e.getMessage(), e);
  }

  private final class Lookups implements Session {
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    Lookups(Connection connection) {
      this.connection = connection;
    }

    @Override
    public synchronized List<Object> find(String sql, Object value) {
      try {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
          statement = connection.prepareStatement(sql);
          // Two rows tell "one" from "several": the rest is never read.
          statement.setMaxRows(2);
          prepared.put(sql, statement);
        }
        int parameters = statement.getParameterMetaData().getParameterCount();
        for (int i = 1; i <= parameters; i++) {
          if (value instanceof byte[] bytes) {
            statement.setBytes(i, bytes);
          } else {
            statement.setString(i, value.toString());
          }
        }
        List<Object> found = new ArrayList<>(2);
        try (ResultSet rows = statement.executeQuery()) {
          int type = rows.getMetaData().getColumnType(1);
          boolean binary = type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY
              || type == Types.BLOB;
          while (rows.next() && found.size() < 2) {
            found.add(binary ? rows.getBytes(1) : rows.getString(1));
          }
        }
        return found;
      } catch (SQLException e) {
        throw failed(e);
      }
    }

    @Override
    public synchronized void close() {
      try {
        for (PreparedStatement statement : prepared.values()) {
          statement.close();
        }
        try (Statement end = connection.createStatement()) {
          end.execute("ROLLBACK"); // ends the read-only transaction (autocommit stays on for the pool)
        }
      } catch (SQLException e) {
        // The session only read; a failed rollback leaves nothing behind once the connection is returned.
      } finally {
        try {
          connection.close();
        } catch (SQLException e) {
          // Returned to the pool, which discards a broken connection itself.
        }
      }
    }
  }
}
