package dev.converge.adapter.mysql;

import dev.converge.application.port.out.CountSourceRowsPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/** Exact source row counts, all from one consistent snapshot of the read-only source. */
public final class MySqlRowCountAdapter implements CountSourceRowsPort {

  private final DataSource source;

  public MySqlRowCountAdapter(DataSource source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  @Override
  public Map<String, Long> countRows(List<String> tables) {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      connection.setAutoCommit(false);
      statement.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
      try {
        for (String table : tables) {
          try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM `" + table.replace("`", "``") + "`")) {
            count.next();
            counts.put(table, count.getLong(1));
          }
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
      return counts;
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.VERIFICATION, "cannot count the source rows: " + e.getMessage(), e);
    }
  }
}
