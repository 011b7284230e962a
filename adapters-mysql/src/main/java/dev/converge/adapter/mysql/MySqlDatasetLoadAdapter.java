package dev.converge.adapter.mysql;

import dev.converge.application.port.out.CreateSourceSchemaPort;
import dev.converge.application.port.out.WriteSourceRowsPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Loads reference datasets into a MySQL-family database: runs the DDL script and inserts
 * generated rows in batched multi-row INSERTs, with foreign-key checks off as a dump restore has.
 * Zero dates are allowed (an old database written under a lax {@code sql_mode} holds them), but the
 * mode stays strict otherwise, so a generator bug that would truncate a value fails loudly.
 */
public final class MySqlDatasetLoadAdapter implements CreateSourceSchemaPort, WriteSourceRowsPort {

  private static final int BATCH_ROWS = 500;
  private static final int COMMIT_ROWS = 20_000;
  private static final String SESSION_SETUP =
      "SET SESSION foreign_key_checks = 0, unique_checks = 0, time_zone = '+00:00',"
          + " sql_mode = 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'";

  private final DataSource database;

  /** {@code database} must be writable (see {@code MySqlDataSourceFactory.writable}). */
  public MySqlDatasetLoadAdapter(DataSource database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public void createSchema(String script) {
    List<String> statements = statements(script);
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(SESSION_SETUP);
      for (String sql : statements) {
        try {
          statement.execute(sql);
        } catch (SQLException e) {
          throw new ConvergeException(ErrorCode.INTERNAL, "the dataset DDL failed at: " + abbreviate(sql)
              + " — " + e.getMessage(), e);
        }
      }
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.CONNECTION, "cannot run the dataset DDL: " + e.getMessage(), e);
    }
  }

  @Override
  public long writeRows(String table, List<String> columns, Consumer<Consumer<Object[]>> rows) {
    String sql = "INSERT INTO " + quote(table) + " (" + columns.stream().map(MySqlDatasetLoadAdapter::quote)
        .collect(Collectors.joining(", ")) + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)";
    try (Connection connection = database.getConnection()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(SESSION_SETUP);
      }
      connection.setAutoCommit(false);
      long[] count = {0};
      try (PreparedStatement insert = connection.prepareStatement(sql)) {
        rows.accept(row -> {
          try {
            bind(insert, row, columns.size());
            insert.addBatch();
            count[0]++;
            if (count[0] % BATCH_ROWS == 0) {
              insert.executeBatch();
            }
            if (count[0] % COMMIT_ROWS == 0) {
              connection.commit();
            }
          } catch (SQLException e) {
            throw new ConvergeException(ErrorCode.INTERNAL, "cannot insert row " + count[0] + " of " + table
                + ": " + e.getMessage(), e);
          }
        });
        insert.executeBatch();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
      return count[0];
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.INTERNAL, "cannot load " + table + ": " + e.getMessage(), e);
    }
  }

  private static void bind(PreparedStatement insert, Object[] row, int width) throws SQLException {
    if (row.length != width) {
      throw new IllegalArgumentException("a row has " + row.length + " values for " + width + " columns");
    }
    for (int i = 0; i < width; i++) {
      Object value = row[i];
      int index = i + 1;
      if (value == null) {
        insert.setNull(index, Types.NULL);
      } else if (value instanceof String text) {
        insert.setString(index, text);
      } else if (value instanceof Integer number) {
        insert.setInt(index, number);
      } else if (value instanceof Long number) {
        insert.setLong(index, number);
      } else if (value instanceof Boolean flag) {
        insert.setInt(index, flag ? 1 : 0);
      } else if (value instanceof BigDecimal number) {
        insert.setBigDecimal(index, number);
      } else if (value instanceof Double number) {
        insert.setDouble(index, number);
      } else if (value instanceof LocalDateTime time) {
        insert.setObject(index, time);
      } else if (value instanceof LocalDate date) {
        insert.setObject(index, date);
      } else if (value instanceof byte[] bytes) {
        insert.setBytes(index, bytes);
      } else {
        throw new IllegalArgumentException("unsupported generated value type " + value.getClass().getName());
      }
    }
  }

  /** Splits a script at lines that end with {@code ;}, dropping {@code --} comment lines. */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\\R")) {
      if (line.strip().startsWith("--") || (line.isBlank() && current.length() == 0)) {
        continue;
      }
      current.append(line).append('\n');
      if (line.stripTrailing().endsWith(";")) {
        String sql = current.toString().strip();
        statements.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalArgumentException("the script ends inside a statement: " + abbreviate(current.toString()));
    }
    return statements;
  }

  private static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  private static String abbreviate(String sql) {
    String flat = sql.strip().replaceAll("\\s+", " ");
    return flat.length() <= 120 ? flat : flat.substring(0, 117) + "...";
  }
}
