package dev.converge.application.port.in;

/** Introspects both schemas, reconciles them and scans the source data: the migration plan. */
public interface PlanMigrationUseCase {

  PlanMigrationReport plan(PlanMigrationCommand command);
}
