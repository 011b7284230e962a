package dev.converge.adapter.postgres;

import dev.converge.application.port.out.CheckTargetIntegrityPort;
import dev.converge.application.port.out.ReadTargetRowsPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.schema.ForeignKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** Reads target tables back as PostgreSQL's own text, and answers orphan and sequence questions. */
public final class PostgresVerificationAdapter implements ReadTargetRowsPort, CheckTargetIntegrityPort {

  private static final int FETCH_ROWS = 10_000;

  private final DataSource target;
  private final String schema;

  public PostgresVerificationAdapter(DataSource target, String schema) {
    this.target = Objects.requireNonNull(target, "target");
    this.schema = Objects.requireNonNull(schema, "schema");
  }

  @Override
  public long streamRows(String table, List<String> columns, Consumer<String[]> rows) {
    return stream(table, columns, List.of(), rows);
  }

  @Override
  public long streamRowsInKeyOrder(String table, List<String> columns, List<String> keyColumns,
      Consumer<String[]> rows) {
    return stream(table, columns, keyColumns, rows);
  }

  private long stream(String table, List<String> columns, List<String> orderedBy, Consumer<String[]> rows) {
    // ::text: the server's own output (session in UTC), whatever pgjdbc would make of binary values.
    String sql = "SELECT " + columns.stream().map(c -> quote(c) + "::text").collect(Collectors.joining(", "))
        + " FROM " + qualified(table) + " AS t"
        // t.: the table's column, never the ::text output column of the same name.
        + (orderedBy.isEmpty() ? "" : " ORDER BY " + orderedBy.stream().map(c -> "t." + quote(c))
            .collect(Collectors.joining(", ")));
    try (Connection connection = target.getConnection()) {
      // A cursor needs a transaction; it lets the rows stream instead of arriving all at once.
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        if (!orderedBy.isEmpty()) {
          // In the key's order by walking its index, never by sorting the whole table first (which
          // a large table's plan would otherwise prefer); for this transaction only.
          statement.execute("SET LOCAL enable_sort = off");
        }
        statement.setFetchSize(FETCH_ROWS);
        try (ResultSet result = statement.executeQuery(sql)) {
          String[] values = new String[columns.size()];
          long count = 0;
          while (result.next()) {
            for (int i = 0; i < values.length; i++) {
              values[i] = result.getString(i + 1);
            }
            rows.accept(values);
            count++;
          }
          return count;
        }
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.VERIFICATION, "cannot read " + table + " from the target: " + e.getMessage(), e);
    }
  }

  @Override
  public void streamRowsByKey(String table, List<String> columns, List<String> keyColumns, List<String> keyValues,
      Consumer<String[]> rows) {
    // Each value as an untyped parameter: the server reads it with the key column's own input function
    // (the text COPY loads), so the primary key's index answers.
    String sql = "SELECT " + columns.stream().map(c -> quote(c) + "::text").collect(Collectors.joining(", "))
        + " FROM " + qualified(table) + " WHERE "
        + keyColumns.stream().map(c -> quote(c) + " = ?").collect(Collectors.joining(" AND "));
    try (Connection connection = target.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < keyValues.size(); i++) {
        statement.setObject(i + 1, keyValues.get(i), Types.OTHER);
      }
      try (ResultSet result = statement.executeQuery()) {
        String[] values = new String[columns.size()];
        while (result.next()) {
          for (int i = 0; i < values.length; i++) {
            values[i] = result.getString(i + 1);
          }
          rows.accept(values);
        }
      }
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.VERIFICATION, "cannot read the row " + String.join(", ", keyColumns) + " = "
          + String.join(", ", keyValues) + " of " + table + " from the target: " + e.getMessage(), e);
    }
  }

  @Override
  public Orphans orphans(String table, ForeignKey foreignKey, int examples) {
    List<String> present = new ArrayList<>();
    List<String> join = new ArrayList<>();
    for (int i = 0; i < foreignKey.columns().size(); i++) {
      present.add("c." + quote(foreignKey.columns().get(i)) + " IS NOT NULL");
      join.add("p." + quote(foreignKey.referencedColumns().get(i)) + " = c." + quote(foreignKey.columns().get(i)));
    }
    String referenced = referenced(foreignKey);
    String orphaned = " FROM " + qualified(table) + " c WHERE " + String.join(" AND ", present)
        + " AND NOT EXISTS (SELECT 1 FROM " + referenced + " p WHERE " + String.join(" AND ", join) + ")";
    String key = foreignKey.columns().stream().map(c -> "c." + quote(c) + "::text").collect(Collectors.joining(" || ',' || "));
    try (Connection connection = target.getConnection(); Statement statement = connection.createStatement()) {
      long rows;
      try (ResultSet count = statement.executeQuery("SELECT count(*)" + orphaned)) {
        count.next();
        rows = count.getLong(1);
      }
      List<String> found = new ArrayList<>();
      if (rows > 0) {
        try (ResultSet keys = statement.executeQuery("SELECT " + key + orphaned + " LIMIT " + examples)) {
          while (keys.next()) {
            found.add(String.join(",", foreignKey.columns()) + "=" + keys.getString(1));
          }
        }
      }
      return new Orphans(rows, found);
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.VERIFICATION, "cannot check foreign key " + foreignKey.name() + " of "
          + table + ": " + e.getMessage(), e);
    }
  }

  /**
   * One query for the references whose key columns have the same types (their keys are compared with
   * the parent's exactly as one foreign key's own check compares them; a union of other types would
   * coerce them): the children's non-NULL keys, tagged by reference, in one {@code UNION ALL},
   * anti-joined with the parent once, counted per tag.
   */
  @Override
  public List<Long> orphanCounts(List<Reference> references) {
    Long[] counts = new Long[references.size()];
    java.util.Arrays.fill(counts, 0L);
    try (Connection connection = target.getConnection()) {
      java.util.Map<List<String>, List<Integer>> byTypes = new java.util.LinkedHashMap<>();
      for (int at = 0; at < references.size(); at++) {
        byTypes.computeIfAbsent(keyTypes(connection, references.get(at)), types -> new ArrayList<>()).add(at);
      }
      for (List<Integer> alike : byTypes.values()) {
        try (Statement statement = connection.createStatement(); ResultSet found = statement.executeQuery(
            orphanCountsQuery(alike.stream().map(references::get).toList()))) {
          while (found.next()) {
            counts[alike.get(found.getInt(1))] = found.getLong(2);
          }
        }
      }
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.VERIFICATION, "cannot check the foreign keys "
          + references.stream().map(reference -> reference.table() + "." + reference.foreignKey().name())
              .collect(Collectors.joining(", ")) + " against " + references.get(0).foreignKey().referencedTable() + ": "
          + e.getMessage(), e);
    }
    return List.of(counts);
  }

  /** The types of a foreign key's columns in its table, as the catalog formats them. */
  private List<String> keyTypes(Connection connection, Reference reference) throws SQLException {
    List<String> types = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT format_type(a.atttypid, a.atttypmod)"
        + " FROM pg_attribute a WHERE a.attrelid = ?::regclass AND a.attname = ?")) {
      for (String column : reference.foreignKey().columns()) {
        statement.setString(1, qualified(reference.table()));
        statement.setString(2, column);
        try (ResultSet type = statement.executeQuery()) {
          types.add(type.next() ? type.getString(1) : column);
        }
      }
    }
    return types;
  }

  /** The query {@link #orphanCounts} runs (package-private: its plan is tested to read the parent once). */
  String orphanCountsQuery(List<Reference> references) {
    ForeignKey first = references.get(0).foreignKey();
    List<String> branches = new ArrayList<>();
    for (int at = 0; at < references.size(); at++) {
      Reference reference = references.get(at);
      ForeignKey foreignKey = reference.foreignKey();
      if (!foreignKey.referencedTable().equals(first.referencedTable())
          || !foreignKey.referencedColumns().equals(first.referencedColumns())) {
        throw new IllegalArgumentException("the references do not share one parent key: " + references);
      }
      List<String> keys = new ArrayList<>();
      List<String> present = new ArrayList<>();
      for (int i = 0; i < foreignKey.columns().size(); i++) {
        keys.add("c." + quote(foreignKey.columns().get(i)) + " AS k" + i);
        present.add("c." + quote(foreignKey.columns().get(i)) + " IS NOT NULL");
      }
      branches.add("SELECT " + at + " AS reference, " + String.join(", ", keys) + " FROM " + qualified(reference.table())
          + " c WHERE " + String.join(" AND ", present));
    }
    List<String> join = new ArrayList<>();
    for (int i = 0; i < first.referencedColumns().size(); i++) {
      join.add("p." + quote(first.referencedColumns().get(i)) + " = r.k" + i);
    }
    return "SELECT r.reference, count(*) FROM (" + String.join(" UNION ALL ", branches) + ") r WHERE NOT EXISTS"
        + " (SELECT 1 FROM " + referenced(first) + " p WHERE " + String.join(" AND ", join) + ") GROUP BY r.reference";
  }

  /** The parent's qualified name (the catalog names a parent in another schema as schema.table). */
  private String referenced(ForeignKey foreignKey) {
    int dot = foreignKey.referencedTable().indexOf('.');
    return dot < 0 ? qualified(foreignKey.referencedTable())
        : quote(foreignKey.referencedTable().substring(0, dot)) + "." + quote(foreignKey.referencedTable().substring(dot + 1));
  }

  @Override
  public SequenceState sequence(String table, String column, String sequence) {
    String sql = "SELECT CASE WHEN q.is_called THEN q.last_value + s.seqincrement ELSE q.last_value END,"
        + " (SELECT MAX(" + quote(column) + ")::bigint FROM " + qualified(table) + ")"
        + " FROM " + sequence + " q, pg_sequence s WHERE s.seqrelid = '" + sequence.replace("'", "''") + "'::regclass";
    try (Connection connection = target.getConnection(); Statement statement = connection.createStatement();
        ResultSet state = statement.executeQuery(sql)) {
      state.next();
      long maximum = state.getLong(2);
      return new SequenceState(state.getLong(1), state.wasNull() ? null : maximum);
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.VERIFICATION, "cannot read sequence " + sequence + ": " + e.getMessage(), e);
    }
  }

  private String qualified(String table) {
    return quote(schema) + "." + quote(table);
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
