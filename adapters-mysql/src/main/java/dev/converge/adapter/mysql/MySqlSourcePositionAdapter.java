package dev.converge.adapter.mysql;

import dev.converge.application.port.out.ReadSourcePositionPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.manifest.SourcePosition;
import dev.converge.domain.manifest.TableFingerprint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The source's replication position: MySQL's {@code @@global.gtid_executed} when {@code gtid_mode}
 * is ON, else the binary log's file and position; MariaDB's {@code @@gtid_current_pos}. Nothing
 * when the binary log is off (or the login may not read its position).
 */
public final class MySqlSourcePositionAdapter implements ReadSourcePositionPort {

  /** {@code SHOW BINARY LOG STATUS} is MySQL 8.2+; older servers know only {@code SHOW MASTER STATUS}. */
  private static final int SYNTAX_ERROR = 1064;
  private static final int ACCESS_DENIED = 1227;

  private final DataSource source;
  private final String database;

  /** {@code database}: the source database, whose tables {@link #tablesWrittenSince} asks about. */
  public MySqlSourcePositionAdapter(DataSource source, String database) {
    this.source = Objects.requireNonNull(source, "source");
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * From InnoDB's per-table {@code UPDATE_TIME} (MySQL 8 keeps it in memory from the server's start,
   * NULL for a table not written since; whole seconds, so a table written in the second of
   * {@code since} counts as written). Cannot tell on MariaDB (no such time for InnoDB) or when the
   * server restarted since {@code since} (the times start afresh): the position decides then.
   */
  @Override
  public Optional<Set<String>> tablesWrittenSince(Instant since, Collection<String> tables) {
    if (tables.isEmpty()) {
      return Optional.of(Set.of());
    }
    try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
      try {
        // information_schema caches table statistics for a day by default.
        statement.execute("SET SESSION information_schema_stats_expiry = 0");
      } catch (SQLException e) {
        return Optional.empty(); // MariaDB and older servers: no such cache, and no InnoDB UPDATE_TIME to trust.
      }
      try (ResultSet started = statement.executeQuery("SELECT UNIX_TIMESTAMP() - VARIABLE_VALUE FROM"
          + " performance_schema.global_status WHERE VARIABLE_NAME = 'Uptime'")) {
        if (!started.next() || started.getLong(1) >= since.getEpochSecond()) {
          return Optional.empty();
        }
      }
      String names = String.join(",", java.util.Collections.nCopies(tables.size(), "?"));
      // Conservative: a table gone from the catalog, or partitioned (InnoDB keeps no UPDATE_TIME for
      // those), counts as written.
      Set<String> written = new HashSet<>(tables);
      try (PreparedStatement query = connection.prepareStatement("SELECT TABLE_NAME, UNIX_TIMESTAMP(UPDATE_TIME),"
          + " CREATE_OPTIONS FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME IN (" + names + ")")) {
        query.setString(1, database);
        int i = 2;
        for (String table : tables) {
          query.setString(i++, table);
        }
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            long updated = rows.getLong(2);
            boolean unknown = rows.wasNull();
            String options = rows.getString(3);
            boolean partitioned = options != null && options.toLowerCase(java.util.Locale.ROOT).contains("partitioned");
            if (!partitioned && (unknown || updated < since.getEpochSecond())) {
              written.remove(rows.getString(1));
            }
          }
        }
      }
      return Optional.of(written);
    } catch (SQLException e) {
      return Optional.empty(); // Not knowing is no failure: the position alone decides.
    }
  }

  @Override
  public Optional<SourcePosition> readSourcePosition() {
    try (Connection connection = source.getConnection()) {
      return read(connection);
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.CONNECTION, "cannot read the source's replication position: "
          + e.getMessage(), e);
    }
  }

  /**
   * {@code SELECT COUNT(*), CAST(MAX(column) AS CHAR)} in UTC, as the export's snapshot reads the
   * column ({@code CAST(… AS CHAR)} with {@code time_zone = '+00:00'}), so that an unchanged table gives
   * the very same text.
   */
  @Override
  public Optional<TableFingerprint> readFingerprint(String table, String updatedColumn) {
    Instant at = Instant.now();
    try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SET time_zone = '+00:00'");
      try (ResultSet now = statement.executeQuery("SELECT COUNT(*), " + (updatedColumn == null ? "NULL"
          : "CAST(MAX(" + quote(updatedColumn) + ") AS CHAR)") + " FROM " + quote(table))) {
        now.next();
        return Optional.of(new TableFingerprint(now.getLong(1), updatedColumn, now.getString(2), at));
      }
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.CONNECTION, "cannot count the rows of " + table + " in the source"
          + (updatedColumn == null ? "" : " nor read its latest " + updatedColumn) + ": " + e.getMessage(), e);
    }
  }

  private static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  /** The position as {@code connection} sees it now. */
  static Optional<SourcePosition> read(Connection connection) throws SQLException {
    Instant at = Instant.now();
    try (Statement statement = connection.createStatement()) {
      boolean mariaDb;
      boolean binaryLog;
      try (ResultSet server = statement.executeQuery("SELECT VERSION(), @@global.log_bin")) {
        server.next();
        mariaDb = server.getString(1).contains("MariaDB");
        binaryLog = server.getInt(2) == 1;
      }
      if (mariaDb) {
        if (!binaryLog) {
          return Optional.empty();
        }
        try (ResultSet gtid = statement.executeQuery("SELECT @@global.gtid_current_pos")) {
          gtid.next();
          return Optional.of(new SourcePosition(SourcePosition.Kind.MARIADB_GTID, nonNull(gtid.getString(1)), at));
        }
      }
      try (ResultSet mode = statement.executeQuery("SELECT @@global.gtid_mode, @@global.gtid_executed")) {
        mode.next();
        if ("ON".equalsIgnoreCase(mode.getString(1))) {
          return Optional.of(new SourcePosition(SourcePosition.Kind.GTID_EXECUTED, nonNull(mode.getString(2)), at));
        }
      }
      if (!binaryLog) {
        return Optional.empty();
      }
      return binaryLogPosition(statement, at);
    }
  }

  private static Optional<SourcePosition> binaryLogPosition(Statement statement, Instant at) throws SQLException {
    try {
      return binaryLogPosition(statement, "SHOW BINARY LOG STATUS", at);
    } catch (SQLException e) {
      if (e.getErrorCode() != SYNTAX_ERROR) {
        return denied(e);
      }
    }
    try {
      return binaryLogPosition(statement, "SHOW MASTER STATUS", at);
    } catch (SQLException e) {
      return denied(e);
    }
  }

  /** Without REPLICATION CLIENT the position is unknown, which is not a failure of the run. */
  private static Optional<SourcePosition> denied(SQLException e) throws SQLException {
    if (e.getErrorCode() == ACCESS_DENIED) {
      return Optional.empty();
    }
    throw e;
  }

  private static Optional<SourcePosition> binaryLogPosition(Statement statement, String sql, Instant at)
      throws SQLException {
    try (ResultSet status = statement.executeQuery(sql)) {
      if (!status.next()) {
        return Optional.empty();
      }
      return Optional.of(new SourcePosition(SourcePosition.Kind.BINARY_LOG,
          status.getString(1) + ":" + status.getLong(2), at));
    }
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
