package dev.converge.adapter.postgres;

import dev.converge.application.port.out.InspectTargetPort;
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

/** Counts the rows target tables already hold and reads the login's privileges. */
public final class PostgresInspectionAdapter implements InspectTargetPort {

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

  private String qualified(String table) {
    return quote(schema) + "." + quote(table);
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
