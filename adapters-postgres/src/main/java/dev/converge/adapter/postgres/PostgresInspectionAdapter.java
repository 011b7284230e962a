package dev.converge.adapter.postgres;

import dev.converge.application.port.out.InspectTargetPort;
import dev.converge.application.port.out.ReadMigrationVersionsPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/** Counts the rows target tables already hold, reads the login's privileges and the app's migration history. */
public final class PostgresInspectionAdapter implements InspectTargetPort, ReadMigrationVersionsPort {

  private final DataSource target;
  private final String schema;

  public PostgresInspectionAdapter(DataSource target, String schema) {
    this.target = Objects.requireNonNull(target, "target");
    this.schema = Objects.requireNonNull(schema, "schema");
  }

  @Override
  public Map<String, Long> countRows(List<String> tables) {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection connection = target.getConnection(); Statement statement = connection.createStatement()) {
      for (String table : tables) {
        try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + qualified(table))) {
          count.next();
          counts.put(table, count.getLong(1));
        }
      }
      return counts;
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.CONNECTION, "cannot count the rows of the target tables in schema "
          + schema + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean maySetReplicationRole() {
    // PostgreSQL 15+ can grant SET on a superuser parameter; superusers may always set it.
    String sql = "SELECT rolsuper OR has_parameter_privilege(current_user, 'session_replication_role', 'SET')"
        + " FROM pg_roles WHERE rolname = current_user";
    try (Connection connection = target.getConnection(); Statement statement = connection.createStatement();
        ResultSet allowed = statement.executeQuery(sql)) {
      return allowed.next() && allowed.getBoolean(1);
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.CONNECTION, "cannot read the target login's privileges: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Set<String>> versions(String table, String column) {
    try (Connection connection = target.getConnection()) {
      try (PreparedStatement exists = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_attribute"
          + " WHERE attrelid = to_regclass(?) AND attname = ? AND attnum > 0 AND NOT attisdropped)")) {
        exists.setString(1, qualified(table));
        exists.setString(2, column);
        try (ResultSet found = exists.executeQuery()) {
          found.next();
          if (!found.getBoolean(1)) {
            return Optional.empty();
          }
        }
      }
      Set<String> versions = new TreeSet<>();
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT " + quote(column) + "::text FROM " + qualified(table))) {
        while (rows.next()) {
          versions.add(rows.getString(1));
        }
      }
      return Optional.of(versions);
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.CONNECTION, "cannot read " + table + "." + column + " in the target: "
          + e.getMessage(), e);
    }
  }

  private String qualified(String table) {
    return quote(schema) + "." + quote(table);
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
