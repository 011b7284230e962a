package dev.converge.adapter.mysql;

import dev.converge.application.port.out.ReadSourcePositionPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.manifest.SourcePosition;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
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

  public MySqlSourcePositionAdapter(DataSource source) {
    this.source = Objects.requireNonNull(source, "source");
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

  /** The position as {@code connection} sees it now. */
  static Optional<SourcePosition> read(Connection connection) throws SQLException {
    String at = Instant.now().toString();
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

  private static Optional<SourcePosition> binaryLogPosition(Statement statement, String at) throws SQLException {
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

  private static Optional<SourcePosition> binaryLogPosition(Statement statement, String sql, String at)
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
