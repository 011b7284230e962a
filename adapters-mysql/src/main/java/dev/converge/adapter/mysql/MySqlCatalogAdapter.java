package dev.converge.adapter.mysql;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;

import dev.converge.adapter.mysql.catalog.EnumLabels;
import dev.converge.application.port.out.ReadSourceSchemaPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.schema.ForeignKey;
import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.SourceSchema;
import dev.converge.domain.schema.SourceTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Reads every base table of one MySQL 8 or MariaDB database from information_schema, with one
 * set-based query per catalog view for the whole schema; it only reads.
 */
public final class MySqlCatalogAdapter implements ReadSourceSchemaPort {

  // `user` and `User` are two tables on Linux (lower_case_table_names = 0), but MariaDB's
  // information_schema compares names with a case-insensitive collation: its `TABLE_SCHEMA = ?` is exact
  // only because the server turns it into a directory lookup (`IN (...)` already matches `CATALOG` for
  // `catalog`). The binary comparison makes exactness explicit; rows of the different views are joined
  // in Java on exact names, never in SQL.
  private static final String IN_SCHEMA = "TABLE_SCHEMA = ? AND CAST(TABLE_SCHEMA AS BINARY) = CAST(? AS BINARY)";

  private static final String SCHEMA_EXISTS = """
      SELECT SCHEMA_NAME FROM information_schema.SCHEMATA
      WHERE SCHEMA_NAME = ? AND CAST(SCHEMA_NAME AS BINARY) = CAST(? AS BINARY)""";

  // MariaDB reports a table WITH SYSTEM VERSIONING as 'SYSTEM VERSIONED'; it holds current rows like
  // any base table (its history columns are hidden from COLUMNS), so it is migrated too.
  private static final String TABLES = """
      SELECT TABLE_NAME, TABLE_ROWS FROM information_schema.TABLES
      WHERE %s AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')""".formatted(IN_SCHEMA);

  private static final String COLUMNS = """
      SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE,
             CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION,
             EXTRA, COLLATION_NAME
      FROM information_schema.COLUMNS
      WHERE %s
      ORDER BY ORDINAL_POSITION""".formatted(IN_SCHEMA);

  private static final String UNIQUE_INDEX_PARTS = """
      SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS
      WHERE %s AND NON_UNIQUE = 0
      ORDER BY SEQ_IN_INDEX""".formatted(IN_SCHEMA);

  // KEY_COLUMN_USAGE alone holds the referenced table and column of each part; REFERENTIAL_CONSTRAINTS
  // would add only the ON UPDATE/ON DELETE rules, which the model does not carry.
  private static final String FOREIGN_KEY_PARTS = """
      SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME
      FROM information_schema.KEY_COLUMN_USAGE
      WHERE %s AND REFERENCED_TABLE_NAME IS NOT NULL
      ORDER BY ORDINAL_POSITION""".formatted(IN_SCHEMA);

  private final DataSource source;
  private final String database;

  /** {@code source} may be the read-only source pool: the adapter never writes. */
  public MySqlCatalogAdapter(DataSource source, String database) {
    this.source = Objects.requireNonNull(source, "source");
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public SourceSchema readSourceSchema() {
    try (Connection connection = source.getConnection()) {
      String version = single(connection, "the server version", "SELECT VERSION()");
      requireDatabase(connection);
      try (FreshTableStatistics ignored = new FreshTableStatistics(connection, version)) {
        return new SourceSchema(database, version, readTables(connection));
      }
    } catch (SQLException e) {
      throw failure("cannot connect to read the catalog", e);
    }
  }

  private List<SourceTable> readTables(Connection connection) {
    Map<String, Long> estimates = new LinkedHashMap<>();
    for (TableRow table : select(connection, "information_schema.TABLES", TABLES, MySqlCatalogAdapter::tableRow)) {
      estimates.put(table.name(), table.estimatedRows());
    }
    Map<String, List<SourceColumn>> columns = select(connection, "information_schema.COLUMNS", COLUMNS,
        MySqlCatalogAdapter::columnRow).stream()
        .collect(groupingBy(ColumnRow::table, LinkedHashMap::new, mapping(ColumnRow::column, toList())));
    Map<String, Map<String, List<IndexPartRow>>> uniqueIndexes = select(connection,
        "information_schema.STATISTICS", UNIQUE_INDEX_PARTS, MySqlCatalogAdapter::indexPartRow).stream()
        .collect(groupingBy(IndexPartRow::table, groupingBy(IndexPartRow::index, LinkedHashMap::new, toList())));
    Map<String, Map<String, List<ForeignKeyPartRow>>> foreignKeys = select(connection,
        "information_schema.KEY_COLUMN_USAGE", FOREIGN_KEY_PARTS, MySqlCatalogAdapter::foreignKeyPartRow).stream()
        .collect(groupingBy(ForeignKeyPartRow::table,
            groupingBy(ForeignKeyPartRow::constraint, LinkedHashMap::new, toList())));

    List<SourceTable> tables = new ArrayList<>();
    for (Map.Entry<String, Long> table : estimates.entrySet()) {
      String name = table.getKey();
      Map<String, List<IndexPartRow>> indexes = uniqueIndexes.getOrDefault(name, Map.of());
      tables.add(new SourceTable(
          name,
          columns.getOrDefault(name, List.of()),
          indexes.containsKey("PRIMARY") ? columnNames(indexes.get("PRIMARY")) : List.of(),
          uniqueKeys(indexes),
          foreignKeys(foreignKeys.getOrDefault(name, Map.of())),
          table.getValue()));
    }
    // String order, not the server's collation, so that the order is the same on MySQL and MariaDB.
    tables.sort(Comparator.comparing(SourceTable::name));
    return tables;
  }

  private static List<List<String>> uniqueKeys(Map<String, List<IndexPartRow>> indexes) {
    return indexes.entrySet().stream()
        .filter(index -> !index.getKey().equals("PRIMARY"))
        // A MySQL functional key part has no column: such an index constrains an expression, not columns.
        .filter(index -> index.getValue().stream().allMatch(part -> part.column() != null))
        .sorted(Map.Entry.comparingByKey())
        .map(index -> columnNames(index.getValue()))
        .toList();
  }

  private static List<String> columnNames(List<IndexPartRow> parts) {
    return parts.stream().map(IndexPartRow::column).toList();
  }

  private static List<ForeignKey> foreignKeys(Map<String, List<ForeignKeyPartRow>> constraints) {
    return constraints.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(constraint -> {
          List<ForeignKeyPartRow> parts = constraint.getValue();
          // Each part pairs a column with the column it references, so ORDINAL_POSITION orders both sides.
          return new ForeignKey(
              constraint.getKey(),
              parts.stream().map(ForeignKeyPartRow::column).toList(),
              parts.get(0).referencedTable(),
              parts.stream().map(ForeignKeyPartRow::referencedColumn).toList());
        })
        .toList();
  }

  private void requireDatabase(Connection connection) {
    List<String> found = select(connection, "information_schema.SCHEMATA", SCHEMA_EXISTS, row -> row.getString(1));
    if (found.isEmpty()) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "the source server has no database named '" + database
          + "' that this user can see (names are case-sensitive)");
    }
  }

  private static TableRow tableRow(ResultSet row) throws SQLException {
    Long estimate = nullableLong(row, 2);
    // Some engines keep no row count; 0 says "unknown" to the plan, which only uses it as an estimate.
    return new TableRow(row.getString(1), estimate == null ? 0 : estimate);
  }

  private static ColumnRow columnRow(ResultSet row) throws SQLException {
    String table = row.getString(1);
    String name = row.getString(2);
    String dataType = row.getString(4).toLowerCase(Locale.ROOT);
    // Labels are case-sensitive, so they are read before SourceColumn lower-cases the column type.
    String columnType = row.getString(5);
    boolean enumeration = dataType.equals("enum") || dataType.equals("set");
    String extra = Objects.requireNonNullElse(row.getString(11), "").toUpperCase(Locale.ROOT);
    List<String> labels;
    try {
      labels = enumeration ? EnumLabels.parse(columnType) : List.of();
    } catch (IllegalArgumentException e) {
      throw new ConvergeException(ErrorCode.INTERNAL, "cannot read column " + table + "." + name + ": "
          + e.getMessage(), e);
    }
    return new ColumnRow(table, new SourceColumn(
        name,
        row.getInt(3),
        dataType,
        columnType,
        "YES".equals(row.getString(6)),
        nullableLong(row, 7),
        nullableInt(row, 8),
        nullableInt(row, 9),
        nullableInt(row, 10),
        // Only outside the labels: enum('signed','unsigned') is not an unsigned number.
        !enumeration && columnType.toLowerCase(Locale.ROOT).contains(" unsigned"),
        // Not just "GENERATED": MySQL marks a DEFAULT CURRENT_TIMESTAMP column DEFAULT_GENERATED.
        extra.contains("VIRTUAL GENERATED") || extra.contains("STORED GENERATED"),
        extra.contains("AUTO_INCREMENT"),
        row.getString(12),
        labels));
  }

  private static IndexPartRow indexPartRow(ResultSet row) throws SQLException {
    return new IndexPartRow(row.getString(1), row.getString(2), row.getString(3));
  }

  private static ForeignKeyPartRow foreignKeyPartRow(ResultSet row) throws SQLException {
    return new ForeignKeyPartRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
        row.getString(5));
  }

  private String single(Connection connection, String subject, String sql) {
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    } catch (SQLException e) {
      throw failure("cannot read " + subject + " (" + sql + ")", e);
    }
  }

  /** Runs one catalog query with the database bound to both of its parameters. */
  private <T> List<T> select(Connection connection, String view, String sql, RowReader<T> reader) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, database);
      statement.setString(2, database);
      List<T> rows = new ArrayList<>();
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          rows.add(reader.read(row));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw failure("cannot query " + view, e);
    }
  }

  private ConvergeException failure(String what, SQLException e) {
    return new ConvergeException(ErrorCode.CONNECTION, what + " of source database '" + database + "': "
        + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")", e);
  }

  private static Long nullableLong(ResultSet row, int index) throws SQLException {
    long value = row.getLong(index);
    return row.wasNull() ? null : value;
  }

  private static Integer nullableInt(ResultSet row, int index) throws SQLException {
    Long value = nullableLong(row, index);
    return value == null ? null : Math.toIntExact(value);
  }

  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private record TableRow(String name, long estimatedRows) {}

  private record ColumnRow(String table, SourceColumn column) {}

  private record IndexPartRow(String table, String index, String column) {}

  private record ForeignKeyPartRow(
      String table, String constraint, String column, String referencedTable, String referencedColumn) {}

  /**
   * MySQL 8 answers TABLE_ROWS from statistics it caches for a day ({@code information_schema_stats_expiry}),
   * so a table grown since its last ANALYZE would be under-estimated; for this session it asks the engine
   * instead, and puts the setting back before the pool hands the connection to the next borrower.
   * MariaDB caches nothing and has no such variable.
   */
  private final class FreshTableStatistics implements AutoCloseable {

    private static final String VARIABLE = "information_schema_stats_expiry";

    private final Connection connection;
    private final boolean applies;

    FreshTableStatistics(Connection connection, String version) {
      this.connection = connection;
      this.applies = !version.contains("MariaDB");
      if (applies) {
        // A session variable, not data: a read-only session may set it.
        set("0");
      }
    }

    @Override
    public void close() {
      if (applies) {
        set("DEFAULT");
      }
    }

    private void set(String value) {
      String sql = "SET SESSION " + VARIABLE + " = " + value;
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw failure("cannot run " + sql, e);
      }
    }
  }
}
