package dev.converge.bootstrap;

import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.in.ExportTablesUseCase;
import dev.converge.application.port.in.ImportTablesUseCase;
import dev.converge.application.port.in.TransferTablesUseCase;
import dev.converge.application.port.in.PlanMigrationUseCase;
import dev.converge.application.port.in.ProvisionTargetUseCase;
import dev.converge.application.port.in.RollbackTargetUseCase;
import dev.converge.application.port.in.SyncTablesUseCase;
import dev.converge.application.port.in.ValidateFilesUseCase;
import dev.converge.application.port.in.VerifyMigrationUseCase;
import dev.converge.application.session.MigrationSession;
import dev.converge.application.session.MigrationSessions;
import javax.inject.Inject;

/** Opens sessions from the Dagger subcomponent: both pools are opened (and proven) up front. */
final class SubcomponentMigrationSessions implements MigrationSessions {

  private final SessionComponent.Factory sessions;

  @Inject
  SubcomponentMigrationSessions(SessionComponent.Factory sessions) {
    this.sessions = sessions;
  }

  @Override
  public MigrationSession open(ConnectionSettings settings) {
    SessionComponent session = sessions.create(settings);
    var source = session.source();
    try {
      session.target();
    } catch (RuntimeException e) {
      source.close();
      throw e;
    }
    return new MigrationSession() {
      @Override
      public PlanMigrationUseCase planMigration() {
        return session.planMigration();
      }

      @Override
      public ProvisionTargetUseCase provisionTarget() {
        return session.provisionTarget();
      }

      @Override
      public ExportTablesUseCase exportTables() {
        return session.exportTables();
      }

      @Override
      public ValidateFilesUseCase validateFiles() {
        return session.validateFiles();
      }

      @Override
      public ImportTablesUseCase importTables() {
        return session.importTables();
      }

      @Override
      public TransferTablesUseCase transferTables() {
        return session.transferTables();
      }

      @Override
      public VerifyMigrationUseCase verifyMigration() {
        return session.verifyMigration();
      }

      @Override
      public RollbackTargetUseCase rollbackTarget() {
        return session.rollbackTarget();
      }

      @Override
      public SyncTablesUseCase syncTables() {
        return session.syncTables();
      }

      @Override
      public void close() {
        try {
          session.target().close();
        } finally {
          session.source().close();
        }
      }
    };
  }
}
