package dev.converge.adapter.mysql;

import dev.converge.application.port.out.ReadMigrationVersionsPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/** Reads the source application's own migration history (e.g. Kratos' {@code schema_migration}). */
public final class MySqlMigrationVersionsAdapter implements ReadMigrationVersionsPort {

  private final DataSource source;
  private final String database;

  public MySqlMigrationVersionsAdapter(DataSource source, String database) {
    this.source = Objects.requireNonNull(source, "source");
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public Optional<Set<String>> versions(String table, String column) {
    try (Connection connection = source.getConnection()) {
      // Column names are case-insensitive in MySQL; table names are compared as the catalog spells them.
      try (PreparedStatement exists = connection.prepareStatement("SELECT COUNT(*) FROM information_schema.COLUMNS"
          + " WHERE TABLE_SCHEMA = ? AND BINARY TABLE_NAME = BINARY ? AND LOWER(COLUMN_NAME) = LOWER(?)")) {
        exists.setString(1, database);
        exists.setString(2, table);
        exists.setString(3, column);
        try (ResultSet found = exists.executeQuery()) {
          found.next();
          if (found.getLong(1) == 0) {
            return Optional.empty();
          }
        }
      }
      Set<String> versions = new TreeSet<>();
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT CAST(" + quote(column) + " AS CHAR) FROM " + quote(table))) {
        while (rows.next()) {
          versions.add(rows.getString(1));
        }
      }
      return Optional.of(versions);
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.CONNECTION, "cannot read " + table + "." + column + " in the source: "
          + e.getMessage(), e);
    }
  }

  private static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}
