package dev.converge.adapter.postgres;

import dev.converge.application.port.out.LoadTargetTablesPort;
import dev.converge.application.port.out.LoadTargetTablesPort.Part;
import dev.converge.application.port.out.ReadDroppedForeignKeysPort;
import dev.converge.domain.failure.ChangedFileException;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.failure.ImportRejectedException;
import dev.converge.domain.plan.ExistingRows;
import dev.converge.domain.plan.ForeignKeyStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Loads table files with {@code COPY … FROM STDIN (FORMAT csv, HEADER, NULL '\N')}, one table per
 * transaction: the rows a table already holds are handled as the plan says, the file is copied
 * (with FREEZE after a TRUNCATE), the row count COPY reports is checked, then it commits — so a
 * crash never leaves a half-loaded table. Every setting is {@code SET LOCAL}: nothing outlives the
 * transaction. Foreign keys are kept from firing as the plan says: {@code session_replication_role}
 * in each loading transaction, or dropped for the whole load and re-created by its finish (see
 * {@link DroppedForeignKeys}).
 */
public final class PostgresCopyAdapter implements LoadTargetTablesPort, ReadDroppedForeignKeysPort {

  /** PostgreSQL's COPY context: {@code COPY user, line 3, column email: "x@y"}. */
  private static final Pattern WHERE = Pattern.compile("COPY [^,]+, line (\\d+)(?:, column ([^:]+))?(?:: \"(.*)\")?",
      Pattern.DOTALL);

  private final DataSource target;
  private final String schema;
  private final DroppedForeignKeys foreignKeys;

  public PostgresCopyAdapter(DataSource target, String schema) {
    this.target = Objects.requireNonNull(target, "target");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.foreignKeys = new DroppedForeignKeys(target, schema);
  }

  @Override
  public LoadSession open(ForeignKeyStrategy strategy, List<String> tables) {
    boolean replicationRole = strategy == ForeignKeyStrategy.REPLICATION_ROLE;
    Set<String> referenced;
    if (replicationRole) {
      referenced = referencedTables(tables);
    } else {
      // Kept durably before they go; with no foreign key left, every table may be truncated.
      foreignKeys.keepAndDrop(tables);
      referenced = Set.of();
    }
    return new LoadSession() {
      @Override
      public long load(TableLoad table, LongConsumer sent) {
        return PostgresCopyAdapter.this.load(table, referenced.contains(table.table()), replicationRole, sent);
      }

      @Override
      public void settle(String table) {
        resetSequencesAndAnalyze(List.of(table));
      }

      @Override
      public void finish(List<String> loaded) {
        // Also under REPLICATION_ROLE: an interrupted earlier load may have left keys to re-create.
        foreignKeys.recreate();
        resetSequencesAndAnalyze(loaded);
      }

      @Override
      public void close() {
        // Every load ended its own transaction; nothing is held between them. Dropped foreign keys
        // stay kept until a finish re-creates them, also when this run fails.
      }
    };
  }

  @Override
  public List<DroppedForeignKey> droppedForeignKeys() {
    return foreignKeys.pending();
  }

  @Override
  public void emptyTables(List<String> tables) {
    String all = tables.stream().map(table -> quote(schema) + "." + quote(table)).collect(Collectors.joining(", "));
    try (Connection connection = target.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("TRUNCATE " + all);
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.IMPORT, "cannot empty the loaded tables: " + e.getMessage()
          + " (SQLSTATE " + e.getSQLState() + ")", e);
    }
  }

  /** Tables other tables point at: TRUNCATE refuses them even with triggers off, DELETE does not. */
  private Set<String> referencedTables(List<String> tables) {
    Set<String> referenced = new HashSet<>();
    String sql = "SELECT DISTINCT c.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.confrelid"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE k.contype = 'f' AND n.nspname = ? AND k.conrelid <> k.confrelid";
    try (Connection connection = target.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, schema);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          referenced.add(rows.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.CONNECTION, "cannot read the target's foreign keys: " + e.getMessage(), e);
    }
    referenced.retainAll(tables);
    return referenced;
  }

  private long load(TableLoad table, boolean referenced, boolean replicationRole, LongConsumer sent) {
    String qualified = quote(schema) + "." + quote(table.table());
    String columns = table.columns().stream().map(PostgresCopyAdapter::quote).collect(Collectors.joining(", "));
    String fileName = "(before its first file)";
    try (Connection connection = target.getConnection()) {
      connection.setAutoCommit(false);
      try {
        try (Statement statement = connection.createStatement()) {
          if (replicationRole) {
            // Foreign keys do not fire while loading (the plan's strategy); verify checks orphans after.
            statement.execute("SET LOCAL session_replication_role = replica");
          }
          statement.execute("SET LOCAL synchronous_commit = off");
          statement.execute("SET LOCAL maintenance_work_mem = '256MB'");
        }
        boolean truncated = false;
        String into = qualified;
        switch (table.existingRows()) {
          case TRUNCATE -> {
            try (Statement statement = connection.createStatement()) {
              if (referenced) {
                statement.execute("DELETE FROM " + qualified);
              } else {
                statement.execute("TRUNCATE ONLY " + qualified);
                truncated = true;
              }
            }
          }
          case MERGE_BY_PRIMARY_KEY -> {
            try (Statement statement = connection.createStatement()) {
              statement.execute("CREATE TEMP TABLE converge_merge (LIKE " + qualified + " INCLUDING DEFAULTS) ON COMMIT DROP");
            }
            into = "converge_merge";
          }
          case KEEP -> {
            // The rows stay; a key collision fails the COPY below.
          }
        }
        // FREEZE holds for every COPY after the TRUNCATE of this same transaction.
        String copy = "COPY " + into + " (" + columns + ") FROM STDIN (FORMAT csv, HEADER true, NULL '\\N'"
            + (truncated ? ", FREEZE true" : "") + ")";
        long rows = 0;
        long bytesBefore = 0;
        Optional<Part> next;
        while ((next = table.parts().next()).isPresent()) {
          Part part = next.get();
          fileName = part.file().getFileName().toString();
          long partRows;
          long before = bytesBefore;
          try (CancellableInput in = new CancellableInput(Files.newInputStream(part.file()), bytes -> sent.accept(before + bytes))) {
            partRows = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, in, 1 << 16);
            bytesBefore += in.bytes;
            // The bytes PostgreSQL received are the bytes that were exported (and validated): checked before commit.
            String sent256 = in.sha256();
            if (part.sha256() != null && !part.sha256().equalsIgnoreCase(sent256)) {
              throw new ChangedFileException(table.table(), fileName, "table " + table.table() + ": " + fileName
                  + " changed since it was exported: the bytes sent have SHA-256 " + sent256 + ", the manifest says "
                  + part.sha256() + "; nothing of the table was committed. Export again (converge export --restart)");
            }
          }
          if (partRows != part.rows()) {
            throw new ChangedFileException(table.table(), fileName, "table " + table.table() + ": COPY loaded "
                + partRows + " rows from " + fileName + " where the manifest says " + part.rows()
                + "; nothing of the table was committed. Export again (converge export --restart)");
          }
          rows += partRows;
        }
        if (table.existingRows() == ExistingRows.MERGE_BY_PRIMARY_KEY) {
          String key = table.primaryKey().stream().map(PostgresCopyAdapter::quote).collect(Collectors.joining(", "));
          try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO " + qualified + " (" + columns + ") SELECT " + columns
                + " FROM converge_merge ON CONFLICT (" + key + ") DO NOTHING");
          }
        }
        connection.commit();
        return rows;
      } catch (InterruptedException e) {
        rollbackQuietly(connection);
        Thread.currentThread().interrupt();
        throw new ConvergeException(ErrorCode.IMPORT, "table " + table.table() + ": cancelled while waiting for its"
            + " next file; nothing of it was committed", e);
      } catch (SQLException | IOException | RuntimeException e) {
        rollbackQuietly(connection);
        throw e;
      }
    } catch (PSQLException e) {
      throw rejected(table.table(), fileName, e);
    } catch (SQLException | IOException e) {
      throw new ConvergeException(ErrorCode.IMPORT, "cannot load " + table.table() + " from " + fileName + ": "
          + e.getMessage(), e);
    }
  }

  /** The server's own fields, not its prose: SQLSTATE, message, and the COPY context's line, column and value. */
  static ImportRejectedException rejected(String table, String file, PSQLException e) {
    ServerErrorMessage server = e.getServerErrorMessage();
    if (server == null) {
      return new ImportRejectedException(table, file, 0, null, null, e.getSQLState(), e.getMessage(), e);
    }
    long record = 0;
    String column = server.getColumn();
    String value = null;
    if (server.getWhere() != null) {
      Matcher where = WHERE.matcher(server.getWhere());
      if (where.find()) {
        record = Long.parseLong(where.group(1));
        column = where.group(2) != null ? where.group(2) : column;
        value = where.group(3) == null ? null : "'" + where.group(3) + "'";
      }
    }
    String message = server.getMessage() + (server.getDetail() == null ? "" : " — " + server.getDetail());
    return new ImportRejectedException(table, file, record, column, value, server.getSQLState(), message, e);
  }

  private void resetSequencesAndAnalyze(List<String> tables) {
    String sequences = "SELECT a.attname, pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname)"
        + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped";
    try (Connection connection = target.getConnection()) {
      for (String table : tables) {
        String qualified = quote(schema) + "." + quote(table);
        try (PreparedStatement statement = connection.prepareStatement(sequences)) {
          statement.setString(1, schema);
          statement.setString(2, table);
          try (ResultSet columns = statement.executeQuery()) {
            while (columns.next()) {
              String sequence = columns.getString(2);
              if (sequence != null) {
                resetSequence(connection, qualified, quote(columns.getString(1)), sequence);
              }
            }
          }
        }
        try (Statement statement = connection.createStatement()) {
          statement.execute("ANALYZE " + qualified);
        }
      }
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.IMPORT, "cannot reset the sequences or analyse " + tables + ": "
          + e.getMessage(), e);
    }
  }

  /** Past the column's maximum; an empty table's sequence back at its start value. */
  private static void resetSequence(Connection connection, String table, String column, String sequence)
      throws SQLException {
    String sql = "SELECT setval(?::regclass, COALESCE(m.max, s.seqstart), m.max IS NOT NULL)"
        + " FROM (SELECT MAX(" + column + ")::bigint AS max FROM " + table + ") m, pg_sequence s"
        + " WHERE s.seqrelid = ?::regclass";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, sequence);
      statement.setString(2, sequence);
      statement.execute();
    }
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // The connection goes back to the pool, which discards one it cannot reset.
    }
  }

  /**
   * The file as COPY reads it: counts and digests the bytes sent, and fails the read once the loading thread is
   * interrupted (Ctrl-C, or another table failed) — pgjdbc then cancels the COPY and the table's
   * transaction rolls back, instead of the load running on unseen.
   */
  private static final class CancellableInput extends java.io.FilterInputStream {
    private final LongConsumer sent;
    private final java.security.MessageDigest digest;
    long bytes;

    CancellableInput(InputStream in, LongConsumer sent) {
      super(in);
      this.sent = sent;
      try {
        this.digest = java.security.MessageDigest.getInstance("SHA-256");
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JDK has SHA-256", e);
      }
    }

    /** The SHA-256 (hex) of every byte read so far. */
    String sha256() {
      return java.util.HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (Thread.currentThread().isInterrupted()) {
        throw new java.io.InterruptedIOException("the load was cancelled");
      }
      int read = super.read(buffer, offset, length);
      if (read > 0) {
        digest.update(buffer, offset, read);
        bytes += read;
        sent.accept(bytes);
      }
      return read;
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
