package dev.converge.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.converge.application.port.in.PlanMigrationUseCase;
import dev.converge.application.port.out.InspectTargetPort;
import dev.converge.application.port.out.ReadSourceSchemaPort;
import dev.converge.application.port.out.ReadTargetSchemaPort;
import dev.converge.application.port.out.RunPreflightChecksPort;
import dev.converge.application.port.out.StorePlanPort;
import dev.converge.application.service.PlanMigrationService;

/** Wires the application's services to the out-ports of a session. */
@Module
interface ApplicationModule {

  @Provides
  static PlanMigrationUseCase planMigration(ReadSourceSchemaPort source, ReadTargetSchemaPort target,
      InspectTargetPort inspection, RunPreflightChecksPort preflight, StorePlanPort plans) {
    return new PlanMigrationService(source, target, inspection, preflight, plans);
  }
}
