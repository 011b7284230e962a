package dev.converge.adapter.postgres;

import dev.converge.application.port.out.KeepSchemaRowsPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Keeps each target table's rows as converge first met them in a copy table of schema
 * {@code converge}, registered in {@code converge.schema_rows} with the table's OID: the copy belongs to
 * that one table, so a table dropped and created again (a new OID) is kept anew, and a table already
 * kept is never kept again — whatever work directory a later run uses, and however often it loads.
 */
public final class PostgresSchemaRowsAdapter implements KeepSchemaRowsPort {

  private static final String STORE_SCHEMA = DroppedForeignKeys.STORE_SCHEMA;
  private static final String REGISTRY = STORE_SCHEMA + ".schema_rows";

  private static final String CREATE_REGISTRY = "CREATE TABLE IF NOT EXISTS " + REGISTRY + " ("
      + "target_schema text NOT NULL, table_name text NOT NULL, table_oid oid NOT NULL, copy_table text NOT NULL,"
      + " kept_rows bigint NOT NULL, kept_at timestamptz NOT NULL DEFAULT now(),"
      + " PRIMARY KEY (target_schema, table_name))";

  // The registry row of a table counts only while it names the table that exists now.
  private static final String KEPT = "SELECT r.table_name, r.kept_rows, r.copy_table FROM " + REGISTRY + " r"
      + " JOIN pg_catalog.pg_class c ON c.oid = r.table_oid"
      + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace AND n.nspname = r.target_schema"
      + " AND c.relname = r.table_name"
      + " WHERE r.target_schema = ? AND r.table_name = ANY (?)";

  private final DataSource target;
  private final String schema;

  public PostgresSchemaRowsAdapter(DataSource target, String schema) {
    this.target = Objects.requireNonNull(target, "target");
    this.schema = Objects.requireNonNull(schema, "schema");
  }

  @Override
  public Map<String, Long> keepOnce(List<String> tables) {
    Map<String, Long> keptNow = new LinkedHashMap<>();
    try (Connection connection = target.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        // Two runs starting at once must not both keep (and the second keep the first's load).
        statement.execute("SELECT pg_advisory_xact_lock(hashtext('" + REGISTRY + "'))");
        createRegistry(connection, statement);
        Set<String> already = kept(connection, tables).keySet();
        for (String table : tables) {
          if (!already.contains(table)) {
            keptNow.put(table, keep(connection, statement, table));
          }
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      if ("42501".equals(e.getSQLState())) {
        throw new ConvergeException(ErrorCode.IMPORT, "the target login may not keep the rows the target's tables hold"
            + " before converge first loads them (what rollback restores) in schema " + STORE_SCHEMA + ": GRANT CREATE"
            + " ON DATABASE to it, or create schema " + STORE_SCHEMA + " and GRANT CREATE on it (" + e.getMessage()
            + ")", e);
      }
      throw new ConvergeException(ErrorCode.IMPORT, "cannot keep the rows the target's tables hold before converge"
          + " loads them (for rollback) in schema " + STORE_SCHEMA + ": " + e.getMessage(), e);
    }
    return keptNow;
  }

  /** Looked up first: CREATE … IF NOT EXISTS checks the CREATE privilege even when the object exists. */
  private static void createRegistry(Connection connection, Statement statement) throws SQLException {
    try (ResultSet found = statement.executeQuery(
        "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = '" + STORE_SCHEMA + "'")) {
      if (!found.next()) {
        statement.execute("CREATE SCHEMA " + STORE_SCHEMA);
      }
    }
    try (ResultSet exists = statement.executeQuery("SELECT to_regclass('" + REGISTRY + "') IS NOT NULL")) {
      exists.next();
      if (exists.getBoolean(1)) {
        return;
      }
    }
    statement.execute(CREATE_REGISTRY.replace("IF NOT EXISTS ", ""));
  }

  /** Copies the table's rows into a fresh copy table named after its OID and registers it. */
  private long keep(Connection connection, Statement statement, String table) throws SQLException {
    long oid;
    try (PreparedStatement find = connection.prepareStatement("SELECT to_regclass(?)::oid")) {
      find.setString(1, quote(schema) + "." + quote(table));
      try (ResultSet found = find.executeQuery()) {
        found.next();
        oid = found.getLong(1);
        if (found.wasNull()) {
          throw new ConvergeException(ErrorCode.IMPORT, "target table " + schema + "." + table + " does not exist");
        }
      }
    }
    String copy = "rows_" + oid;
    try (PreparedStatement old = connection.prepareStatement("SELECT copy_table FROM " + REGISTRY
        + " WHERE target_schema = ? AND table_name = ?")) {
      old.setString(1, schema);
      old.setString(2, table);
      try (ResultSet found = old.executeQuery()) {
        if (found.next()) {
          statement.execute("DROP TABLE IF EXISTS " + STORE_SCHEMA + "." + quote(found.getString(1)));
        }
      }
    }
    statement.execute("DROP TABLE IF EXISTS " + STORE_SCHEMA + "." + quote(copy));
    long rows = statement.executeUpdate("CREATE TABLE " + STORE_SCHEMA + "." + quote(copy) + " AS SELECT * FROM "
        + quote(schema) + "." + quote(table));
    try (PreparedStatement register = connection.prepareStatement("INSERT INTO " + REGISTRY
        + " (target_schema, table_name, table_oid, copy_table, kept_rows) VALUES (?, ?, ?, ?, ?)"
        + " ON CONFLICT (target_schema, table_name) DO UPDATE SET table_oid = excluded.table_oid,"
        + " copy_table = excluded.copy_table, kept_rows = excluded.kept_rows, kept_at = now()")) {
      register.setString(1, schema);
      register.setString(2, table);
      register.setLong(3, oid);
      register.setString(4, copy);
      register.setLong(5, rows);
      register.executeUpdate();
    }
    return rows;
  }

  @Override
  public Map<String, Long> kept(List<String> tables) {
    try (Connection connection = target.getConnection()) {
      Map<String, Long> rows = new LinkedHashMap<>();
      kept(connection, tables).forEach((table, copy) -> rows.put(table, copy.rows()));
      return rows;
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.IMPORT, "cannot read which target tables' rows converge kept in "
          + REGISTRY + ": " + e.getMessage(), e);
    }
  }

  private record Copy(String table, long rows) {}

  private Map<String, Copy> kept(Connection connection, List<String> tables) throws SQLException {
    Map<String, Copy> kept = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet exists = statement.executeQuery("SELECT to_regclass('" + REGISTRY + "') IS NOT NULL")) {
      exists.next();
      if (!exists.getBoolean(1)) {
        return kept;
      }
    }
    try (PreparedStatement query = connection.prepareStatement(KEPT)) {
      query.setString(1, schema);
      query.setArray(2, connection.createArrayOf("text", tables.toArray()));
      try (ResultSet found = query.executeQuery()) {
        while (found.next()) {
          kept.put(found.getString(1), new Copy(found.getString(3), found.getLong(2)));
        }
      }
    }
    return kept;
  }

  @Override
  public long writeKept(String table, List<String> columns, Path file) {
    try (Connection connection = target.getConnection()) {
      Copy copy = kept(connection, List.of(table)).get(table);
      if (copy == null) {
        throw new ConvergeException(ErrorCode.CONFIGURATION, "converge kept no rows of target table " + table);
      }
      String select = "COPY (SELECT " + columns.stream().map(PostgresSchemaRowsAdapter::quote)
          .collect(Collectors.joining(", ")) + " FROM " + STORE_SCHEMA + "." + quote(copy.table())
          + ") TO STDOUT (FORMAT csv, HEADER true, NULL '\\N', FORCE_QUOTE *)";
      try (OutputStream out = ownerOnlyOutput(file)) {
        // FORCE_QUOTE * writes every non-NULL value quoted and NULL as a bare \N: converge's own dialect.
        return connection.unwrap(PGConnection.class).getCopyAPI().copyOut(select, out);
      }
    } catch (SQLException | IOException e) {
      throw new ConvergeException(ErrorCode.IMPORT, "cannot write the kept rows of " + table + " to " + file + ": "
          + e.getMessage(), e);
    }
  }

  /** A new file readable by its owner only, in a directory created for its owner only if missing. */
  private static OutputStream ownerOnlyOutput(Path file) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(directory.getParent());
      Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    return Channels.newOutputStream(Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))));
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
