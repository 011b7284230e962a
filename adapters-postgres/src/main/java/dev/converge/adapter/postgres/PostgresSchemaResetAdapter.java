package dev.converge.adapter.postgres;

import dev.converge.application.port.out.RecreateTargetSchemaPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Drops the target schema with everything in it and creates it again in one transaction, with the
 * same owner and the same grants on the schema (schema {@code public} of PostgreSQL 15+ belongs to
 * {@code pg_database_owner} and grants USAGE to PUBLIC; a re-created one must too). Foreign keys
 * kept for an interrupted load of this schema are forgotten with it.
 */
public final class PostgresSchemaResetAdapter implements RecreateTargetSchemaPort {

  private final DataSource target;
  private final String schema;

  public PostgresSchemaResetAdapter(DataSource target, String schema) {
    this.target = Objects.requireNonNull(target, "target");
    this.schema = Objects.requireNonNull(schema, "schema");
  }

  @Override
  public void recreateSchema() {
    String quoted = DroppedForeignKeys.quote(schema);
    try (Connection connection = target.getConnection()) {
      connection.setAutoCommit(false);
      try {
        String owner = null;
        List<String> grants = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_catalog.pg_get_userbyid(n.nspowner),"
            + " (SELECT array_agg(CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident("
            + "pg_catalog.pg_get_userbyid(a.grantee)) END || ' ' || a.privilege_type)"
            + " FROM pg_catalog.aclexplode(n.nspacl) a WHERE a.grantee <> n.nspowner)"
            + " FROM pg_catalog.pg_namespace n WHERE n.nspname = ?")) {
          statement.setString(1, schema);
          try (ResultSet row = statement.executeQuery()) {
            if (row.next()) {
              owner = row.getString(1);
              if (row.getArray(2) != null) {
                grants.addAll(List.of((String[]) row.getArray(2).getArray()));
              }
            }
          }
        }
        try (Statement statement = connection.createStatement()) {
          if (owner != null) {
            statement.execute("DROP SCHEMA " + quoted + " CASCADE");
          }
          statement.execute("CREATE SCHEMA " + quoted
              + (owner == null ? "" : " AUTHORIZATION " + DroppedForeignKeys.quote(owner)));
          for (String grant : grants) {
            int space = grant.lastIndexOf(' ');
            statement.execute("GRANT " + grant.substring(space + 1) + " ON SCHEMA " + quoted + " TO "
                + grant.substring(0, space));
          }
        }
        new DroppedForeignKeys(target, schema).forget(connection);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException ignored) {
          // The pool discards a connection it cannot reset.
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.IMPORT, "cannot drop and re-create schema " + schema + ": " + e.getMessage()
          + " (SQLSTATE " + e.getSQLState() + "); it was left as it was", e);
    }
  }
}
