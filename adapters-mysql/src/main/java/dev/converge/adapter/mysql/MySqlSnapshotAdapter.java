package dev.converge.adapter.mysql;

import dev.converge.application.port.out.StreamSourceRowsPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.schema.SourceColumn;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Streams source tables from one consistent snapshot. Several readers share it the way mydumper
 * does: a brief {@code FLUSH TABLES WITH READ LOCK} while each reader opens
 * {@code START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY}, then the lock is released. A login
 * without the RELOAD privilege gets one reader instead, and the description says so.
 */
public final class MySqlSnapshotAdapter implements StreamSourceRowsPort {

  private static final Set<String> READ_AS_TEXT = Set.of("datetime", "timestamp", "date", "time", "year", "float",
      "double", "real", "bit");
  private static final Set<String> READ_AS_BYTES = Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob",
      "longblob");

  private final DataSource source;

  /** {@code source} is the read-only source pool. */
  public MySqlSnapshotAdapter(DataSource source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  @Override
  public Snapshot openSnapshot(int readers) {
    List<Connection> connections = new ArrayList<>();
    try {
      if (readers > 1) {
        try (Connection control = source.getConnection()) {
          if (lockAll(control)) {
            try {
              for (int i = 0; i < readers; i++) {
                connections.add(begin(source.getConnection()));
              }
              return new SharedSnapshot(connections, describe(connections.get(0), readers + " readers sharing one"
                  + " snapshot (taken under a brief global read lock)"));
            } finally {
              try (Statement statement = control.createStatement()) {
                statement.execute("UNLOCK TABLES");
              }
            }
          }
        }
      }
      connections.add(begin(source.getConnection()));
      return new SharedSnapshot(connections, describe(connections.get(0), readers > 1
          ? "1 reader: the login lacks the RELOAD privilege for the global read lock, so tables are exported"
              + " one after another to keep one snapshot"
          : "1 reader"));
    } catch (SQLException | RuntimeException e) {
      connections.forEach(MySqlSnapshotAdapter::closeQuietly);
      throw new ConvergeException(ErrorCode.EXPORT, "cannot open a consistent snapshot of the source: " + e.getMessage(), e);
    }
  }

  /** The global read lock, or false when the login may not take it (error 1227, access denied). */
  private static boolean lockAll(Connection control) throws SQLException {
    try (Statement statement = control.createStatement()) {
      // Waiting behind a long query must not stall the export for ever.
      statement.execute("SET SESSION lock_wait_timeout = 60");
      statement.execute("FLUSH TABLES WITH READ LOCK");
      return true;
    } catch (SQLException e) {
      if (e.getErrorCode() == 1227 || e.getErrorCode() == 1045) {
        return false;
      }
      throw e;
    }
  }

  private static Connection begin(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      statement.execute("SET time_zone = '+00:00'");
      connection.setAutoCommit(false);
      statement.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
      return connection;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  private static String describe(Connection connection, String readers) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet now = statement.executeQuery("SELECT DATE_FORMAT(UTC_TIMESTAMP(6), '%Y-%m-%dT%H:%i:%s.%fZ'),"
            + " @@transaction_isolation, VERSION()")) {
      now.next();
      return "snapshot at " + now.getString(1) + " (" + now.getString(2) + ", " + now.getString(3) + "), " + readers;
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // The transaction only read; ending it any way is fine.
    }
    try {
      connection.setAutoCommit(true);
      connection.close();
    } catch (SQLException e) {
      // The pool replaces a connection it cannot reset.
    }
  }

  /** The connections of one snapshot, handed to one stream at a time. */
  private static final class SharedSnapshot implements Snapshot {
    private final List<Connection> connections;
    private final BlockingQueue<Connection> idle;
    private final String description;

    SharedSnapshot(List<Connection> connections, String description) {
      this.connections = List.copyOf(connections);
      this.idle = new ArrayBlockingQueue<>(connections.size(), false, connections);
      this.description = description;
    }

    @Override
    public int readers() {
      return connections.size();
    }

    @Override
    public String description() {
      return description;
    }

    @Override
    public long stream(TableRead table, Consumer<Object[]> rows) {
      Connection connection;
      try {
        connection = idle.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConvergeException(ErrorCode.EXPORT, "interrupted while waiting for a snapshot reader", e);
      }
      try {
        return stream(connection, table, rows);
      } catch (SQLException e) {
        throw new ConvergeException(ErrorCode.EXPORT, "cannot read " + table.table() + " from the source: "
            + e.getMessage(), e);
      } finally {
        idle.add(connection);
      }
    }

    private static long stream(Connection connection, TableRead table, Consumer<Object[]> rows) throws SQLException {
      List<SourceColumn> columns = table.columns();
      boolean[] binary = new boolean[columns.size()];
      List<String> select = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        SourceColumn column = columns.get(i);
        binary[i] = READ_AS_BYTES.contains(column.dataType());
        String name = quote(column.name());
        // MySQL's own text for temporal, float and bit values: exact, zero dates included.
        select.add(column.dataType().equals("bit") ? "CAST(" + name + " AS UNSIGNED)"
            : READ_AS_TEXT.contains(column.dataType()) ? "CAST(" + name + " AS CHAR)" : name);
      }
      String sql = "SELECT " + String.join(", ", select) + " FROM " + quote(table.table())
          + (table.primaryKey().isEmpty() ? ""
              : " ORDER BY " + table.primaryKey().stream().map(MySqlSnapshotAdapter::quote).collect(Collectors.joining(", ")));
      Object[] row = new Object[columns.size()];
      long count = 0;
      try (Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        // Connector/J streams row by row with this fetch size: no table is ever held in memory.
        statement.setFetchSize(Integer.MIN_VALUE);
        try (ResultSet result = statement.executeQuery(sql)) {
          while (result.next()) {
            for (int i = 0; i < row.length; i++) {
              row[i] = binary[i] ? result.getBytes(i + 1) : result.getString(i + 1);
            }
            rows.accept(row);
            count++;
          }
        }
      }
      return count;
    }

    @Override
    public void close() {
      connections.forEach(MySqlSnapshotAdapter::closeQuietly);
    }
  }

  private static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}
