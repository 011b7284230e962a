package dev.converge.adapter.postgres;

import dev.converge.application.port.out.ApplyTableChangesPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.plan.ForeignKeyStrategy;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Writes one table's delta in its one transaction: the source's rows are copied (COPY, converge's
 * CSV dialect, the very values export writes) into a temporary table, the keys of rows to delete
 * into another; at commit the table's rows at those keys are deleted and the new rows inserted, with
 * {@code session_replication_role = replica} when the plan says so (as import loads). The temporary
 * tables outlive the commit on the same connection so that the rows at their keys can be read back
 * for the proof, then are dropped.
 */
public final class PostgresSyncAdapter implements ApplyTableChangesPort {

  private static final String ROWS = "pg_temp.converge_sync_rows";
  private static final String GONE = "pg_temp.converge_sync_gone";
  private static final int FLUSH_BYTES = 1 << 16;
  private static final int FETCH_ROWS = 10_000;

  private final DataSource target;
  private final String schema;

  public PostgresSyncAdapter(DataSource target, String schema) {
    this.target = Objects.requireNonNull(target, "target");
    this.schema = Objects.requireNonNull(schema, "schema");
  }

  @Override
  public TableChanges begin(TableChange table) {
    return new Changes(table);
  }

  private final class Changes implements TableChanges {
    private final TableChange change;
    private final String qualified;
    private final String columns;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_BYTES * 2);
    private final StringBuilder line = new StringBuilder();
    private Connection connection;
    private CopyIn copy;
    private String copyingInto;
    private long rowsPut;
    private long keysRemoved;
    private boolean committed;

    Changes(TableChange change) {
      this.change = change;
      this.qualified = quote(schema) + "." + quote(change.table());
      this.columns = list(change.columns(), "");
    }

    @Override
    public void put(String[] values) {
      write(ROWS, change.columns(), values);
      rowsPut++;
    }

    @Override
    public void remove(String[] key) {
      write(GONE, change.primaryKey(), key);
      keysRemoved++;
    }

    private void write(String into, List<String> names, String[] values) {
      try {
        start();
        if (copy != null && !into.equals(copyingInto)) {
          endCopy();
        }
        if (copy == null) {
          copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + into + " (" + list(names, "")
              + ") FROM STDIN (FORMAT csv, NULL '\\N')");
          copyingInto = into;
        }
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
          if (i > 0) {
            line.append(',');
          }
          // converge's CSV dialect: NULL is a bare \N, every other value quoted (so "\N" stays a string).
          if (values[i] == null) {
            line.append("\\N");
          } else {
            line.append('"').append(values[i].replace("\"", "\"\"")).append('"');
          }
        }
        line.append('\n');
        buffer.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        if (buffer.size() >= FLUSH_BYTES) {
          flush();
        }
      } catch (SQLException e) {
        throw failed("cannot copy the changed rows", e);
      }
    }

    private void flush() throws SQLException {
      if (buffer.size() > 0) {
        byte[] bytes = buffer.toByteArray();
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.reset();
      }
    }

    private void endCopy() throws SQLException {
      flush();
      long copied = copy.endCopy();
      long expected = copyingInto.equals(ROWS) ? rowsPut : keysRemoved;
      copy = null;
      // Rows of earlier COPYs of the same work table (a table compared in passes) are counted too.
      try (Statement statement = connection.createStatement();
          ResultSet count = statement.executeQuery("SELECT count(*) FROM " + copyingInto)) {
        count.next();
        if (count.getLong(1) != expected) {
          throw new ConvergeException(ErrorCode.IMPORT, "table " + change.table() + ": the work table holds "
              + count.getLong(1) + " rows after COPY reported " + copied + ", where " + expected + " were sent");
        }
      }
    }

    /** The table's transaction and its work tables, at the first row or key (a table that is the same needs none). */
    private void start() throws SQLException {
      if (connection != null) {
        return;
      }
      connection = target.getConnection();
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        if (change.strategy() == ForeignKeyStrategy.REPLICATION_ROLE) {
          // Foreign keys do not fire while the delta is written (the plan's strategy, as import); sync checks orphans after.
          statement.execute("SET LOCAL session_replication_role = replica");
        }
        statement.execute("DROP TABLE IF EXISTS " + ROWS + ", " + GONE);
        statement.execute("CREATE TEMP TABLE converge_sync_rows AS SELECT " + columns + " FROM " + qualified
            + " WITH NO DATA");
        // A full reload deletes every row and needs no keys; the (empty) key table keeps the statements alike.
        statement.execute("CREATE TEMP TABLE converge_sync_gone AS SELECT "
            + list(change.fullReload() ? change.columns().subList(0, 1) : change.primaryKey(), "") + " FROM " + qualified
            + " WITH NO DATA");
      }
    }

    @Override
    public Applied commit() {
      try {
        start();
        if (copy != null) {
          endCopy();
        }
        Applied applied;
        try (Statement statement = connection.createStatement()) {
          // The work tables' sizes, for the planner: a few rows joined by key, not a scan of the table.
          statement.execute("ANALYZE " + ROWS);
          statement.execute("ANALYZE " + GONE);
          String insert = "INSERT INTO " + qualified + " AS t (" + columns + ") OVERRIDING SYSTEM VALUE SELECT "
              + columns + " FROM " + ROWS;
          if (change.fullReload()) {
            long deleted = statement.executeUpdate("DELETE FROM " + qualified);
            applied = new Applied(statement.executeUpdate(insert), 0, deleted);
          } else {
            long deleted = statement.executeUpdate("DELETE FROM " + qualified + " AS t USING " + GONE + " AS g WHERE "
                + keyJoin("g"));
            long replaced = statement.executeUpdate("DELETE FROM " + qualified + " AS t USING " + ROWS + " AS r WHERE "
                + keyJoin("r"));
            long written = statement.executeUpdate(insert);
            applied = new Applied(written - replaced, replaced, deleted);
          }
        }
        connection.commit();
        committed = true;
        return applied;
      } catch (SQLException e) {
        throw failed("cannot write the changed rows", e);
      }
    }

    @Override
    public long readBack(Consumer<String[]> rows) {
      if (!committed) {
        throw new IllegalStateException("table " + change.table() + ": read back before commit");
      }
      String selected = change.columns().stream().map(column -> "t." + quote(column) + "::text")
          .collect(Collectors.joining(", "));
      String sql = change.fullReload() ? "SELECT " + selected + " FROM " + qualified + " AS t"
          : "SELECT " + selected + " FROM " + qualified + " AS t JOIN " + ROWS + " AS r ON " + keyJoin("r")
              + " UNION ALL SELECT " + selected + " FROM " + qualified + " AS t JOIN " + GONE + " AS g ON " + keyJoin("g");
      try (Statement statement = connection.createStatement()) {
        statement.setFetchSize(FETCH_ROWS);
        long count = 0;
        try (ResultSet result = statement.executeQuery(sql)) {
          String[] values = new String[change.columns().size()];
          while (result.next()) {
            for (int i = 0; i < values.length; i++) {
              values[i] = result.getString(i + 1);
            }
            rows.accept(values);
            count++;
          }
        } finally {
          connection.rollback();
        }
        return count;
      } catch (SQLException e) {
        throw failed("cannot read the written rows back", e);
      }
    }

    @Override
    public void close() {
      if (connection == null) {
        return;
      }
      try {
        if (copy != null && copy.isActive()) {
          copy.cancelCopy();
        }
        connection.rollback();
        if (committed) {
          connection.setAutoCommit(true);
          try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + ROWS + ", " + GONE);
          }
        }
      } catch (SQLException e) {
        // The connection goes back to the pool, which discards one it cannot reset; the work tables are
        // temporary, so they end with its session at the latest.
      } finally {
        try {
          connection.close();
        } catch (SQLException e) {
          // Nothing more to release.
        }
        connection = null;
      }
    }

    private String keyJoin(String other) {
      return change.primaryKey().stream().map(column -> "t." + quote(column) + " = " + other + "." + quote(column))
          .collect(Collectors.joining(" AND "));
    }

    /** The server's SQLSTATE, message and detail (which names the key a constraint refused). */
    private ConvergeException failed(String what, SQLException e) {
      String message = e.getMessage();
      if (e instanceof PSQLException server && server.getServerErrorMessage() != null) {
        ServerErrorMessage fields = server.getServerErrorMessage();
        message = fields.getMessage() + (fields.getDetail() == null ? "" : " — " + fields.getDetail());
      }
      return new ConvergeException(ErrorCode.IMPORT, "table " + change.table() + ": " + what + ": " + message
          + " (SQLSTATE " + e.getSQLState() + ")" + (committed ? "" : "; nothing of the table was committed"), e);
    }
  }

  private static String list(List<String> names, String prefix) {
    return names.stream().map(name -> prefix + quote(name)).collect(Collectors.joining(", "));
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
