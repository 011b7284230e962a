package dev.converge.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.converge.adapter.csv.CsvChangesAdapter;
import dev.converge.adapter.csv.FileReportAdapter;
import dev.converge.adapter.csv.FileWorkDirectoryLockAdapter;
import dev.converge.adapter.csv.JsonManifestFileAdapter;
import dev.converge.adapter.csv.JsonRunJournalAdapter;
import dev.converge.adapter.mysql.MySqlSourceCheckAdapter;
import dev.converge.application.port.in.RecordPhaseUseCase;
import dev.converge.application.port.in.ReportRunUseCase;
import dev.converge.application.port.in.ShowStatusUseCase;
import dev.converge.application.port.out.LockWorkDirectoryPort;
import dev.converge.application.port.out.StoreRunJournalPort;
import dev.converge.application.service.RecordPhaseService;
import dev.converge.application.service.ReportRunService;
import dev.converge.application.service.ShowStatusService;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Wires a work directory's journal, manifest and report files to the use cases that read and write
 * them; status may also look at the source for a moment, when given its connection.
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
    return new ShowStatusService(journal, new JsonManifestFileAdapter(workDirectory), new MySqlSourceCheckAdapter());
  }

  @Provides
  static ReportRunUseCase reportRun(StoreRunJournalPort journal, Path workDirectory) {
    return new ReportRunService(journal, new FileReportAdapter(workDirectory), new CsvChangesAdapter(workDirectory));
  }
}
