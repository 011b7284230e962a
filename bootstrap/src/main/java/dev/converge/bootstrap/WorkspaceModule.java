package dev.converge.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.converge.adapter.csv.CsvChangesAdapter;
import dev.converge.adapter.csv.CsvTableFilesAdapter;
import dev.converge.adapter.json.JsonImportJournalAdapter;
import dev.converge.adapter.json.JsonManifestFileAdapter;
import dev.converge.adapter.json.JsonPlanFileAdapter;
import dev.converge.adapter.json.JsonRunJournalAdapter;
import dev.converge.adapter.json.JsonValidationFileAdapter;
import dev.converge.adapter.markdown.FileReportAdapter;
import dev.converge.adapter.workdir.FileWorkDirectoryLockAdapter;
import dev.converge.adapter.mysql.MySqlSourceCheckAdapter;
import dev.converge.application.port.in.RecordPhaseUseCase;
import dev.converge.application.port.in.ReportRunUseCase;
import dev.converge.application.port.in.RunMigrationUseCase;
import dev.converge.application.port.in.RunPhaseUseCase;
import dev.converge.application.port.in.ShowStatusUseCase;
import dev.converge.application.port.in.ValidateFilesUseCase;
import dev.converge.application.port.out.LockWorkDirectoryPort;
import dev.converge.application.port.out.RecordImportPort;
import dev.converge.application.port.out.RenderJsonPort;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.application.port.out.StoreRunJournalPort;
import dev.converge.application.service.RecordPhaseService;
import dev.converge.application.service.ReportRunService;
import dev.converge.application.service.RunMigrationService;
import dev.converge.application.service.RunPhaseService;
import dev.converge.application.service.ShowStatusService;
import dev.converge.application.service.ValidateFilesService;
import dev.converge.application.session.MigrationSessions;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Wires a work directory's files to the use cases that read and write them: the journal, status
 * (which may also look at the source for a moment, when given its connection) and report,
 * validation (files only, no connection), and the runners of phases and of migrate.
 */
@Module
interface WorkspaceModule {

  @Provides
  static StoreRunJournalPort runJournal(Path workDirectory) {
    return new JsonRunJournalAdapter(workDirectory);
  }

  @Provides
  static LockWorkDirectoryPort workDirectoryLock(Path workDirectory, FileWorkDirectoryLockAdapter.Held held) {
    return new FileWorkDirectoryLockAdapter(workDirectory, held);
  }

  @Provides
  static RecordPhaseUseCase recordPhase(StoreRunJournalPort journal, LockWorkDirectoryPort lock, Clock clock) {
    return new RecordPhaseService(journal, lock, clock);
  }

  @Provides
  static ShowStatusUseCase showStatus(StoreRunJournalPort journal, Path workDirectory) {
    // The source is reached only when status is given its connection, for one look, then closed.
    return new ShowStatusService(journal, new JsonManifestFileAdapter(workDirectory), new MySqlSourceCheckAdapter(),
        new JsonImportJournalAdapter(workDirectory));
  }

  @Provides
  static ReportRunUseCase reportRun(StoreRunJournalPort journal, Path workDirectory, RenderJsonPort json) {
    return new ReportRunService(journal, new FileReportAdapter(workDirectory, json), new CsvChangesAdapter(workDirectory));
  }

  @Provides
  static RecordImportPort importJournal(Path workDirectory) {
    return new JsonImportJournalAdapter(workDirectory);
  }

  @Provides
  static StoreManifestPort manifests(Path workDirectory) {
    return new JsonManifestFileAdapter(workDirectory);
  }

  /** validate reads only files: the plan, the manifest, the CSV parts; it needs no database. */
  @Provides
  static ValidateFilesUseCase validateFiles(Path workDirectory, StoreManifestPort manifests, Clock clock) {
    return new ValidateFilesService(new JsonPlanFileAdapter(workDirectory), manifests,
        new CsvTableFilesAdapter(workDirectory), new JsonValidationFileAdapter(workDirectory), clock);
  }

  @Provides
  static RunPhaseUseCase runPhase(RecordPhaseUseCase journal, StoreRunJournalPort journals, RecordImportPort imports,
      StoreManifestPort manifests, MigrationSessions sessions, ValidateFilesUseCase validation) {
    return new RunPhaseService(journal, journals, imports, manifests, sessions, validation, WorkspaceModule::exitStatus);
  }

  @Provides
  static RunMigrationUseCase runMigration(RecordPhaseUseCase journal, StoreRunJournalPort journals,
      RecordImportPort imports, StoreManifestPort manifests, MigrationSessions sessions,
      ValidateFilesUseCase validation) {
    return new RunMigrationService(journal, journals, imports, manifests, sessions, validation,
        WorkspaceModule::exitStatus);
  }

  /** The exit status the journal records for a failure: the one the process ends with. */
  private static int exitStatus(Throwable failure) {
    return ExitStatus.of(failure instanceof ConvergeException converge ? converge.code() : ErrorCode.INTERNAL);
  }
}
