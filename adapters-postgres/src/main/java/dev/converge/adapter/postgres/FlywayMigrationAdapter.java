package dev.converge.adapter.postgres;

import dev.converge.application.port.out.ApplyTargetMigrationsPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies a Flyway migration location to the target schema (its history table lives there too). */
public final class FlywayMigrationAdapter implements ApplyTargetMigrationsPort {

  private final DataSource target;
  private final String schema;

  public FlywayMigrationAdapter(DataSource target, String schema) {
    this.target = Objects.requireNonNull(target, "target");
    this.schema = Objects.requireNonNull(schema, "schema");
  }

  @Override
  public AppliedMigrations apply(String location) {
    try {
      Flyway flyway = Flyway.configure(FlywayMigrationAdapter.class.getClassLoader())
          .dataSource(target)
          .locations(location)
          .schemas(schema)
          .failOnMissingLocations(true)
          // converge never drops a target: a clean is always the operator's explicit decision.
          .cleanDisabled(true)
          .load();
      MigrateResult result = flyway.migrate();
      // The result names a version only when something ran; the schema's current version is what matters.
      MigrationInfo current = flyway.info().current();
      return new AppliedMigrations(result.migrationsExecuted,
          current == null || current.getVersion() == null ? "none" : current.getVersion().getVersion());
    } catch (FlywayException e) {
      throw new ConvergeException(ErrorCode.PLAN_BLOCKED,
          "the target migrations at " + location + " failed: " + e.getMessage(), e);
    }
  }
}
