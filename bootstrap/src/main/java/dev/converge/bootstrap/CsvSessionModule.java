package dev.converge.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.converge.adapter.csv.CsvChangesAdapter;
import dev.converge.adapter.csv.CsvDirtyRowsAdapter;
import dev.converge.adapter.csv.CsvTableFilesAdapter;
import dev.converge.adapter.csv.FileReportAdapter;
import dev.converge.adapter.csv.JacksonChecklistFileAdapter;
import dev.converge.adapter.csv.JsonImportJournalAdapter;
import dev.converge.adapter.csv.JsonManifestFileAdapter;
import dev.converge.adapter.csv.JsonPlanFileAdapter;
import dev.converge.adapter.csv.JsonRollbackJournalAdapter;
import dev.converge.adapter.csv.JsonValidationFileAdapter;
import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.out.ReadChecklistPort;
import dev.converge.application.port.out.ReadTableFilesPort;
import dev.converge.application.port.out.RecordImportPort;
import dev.converge.application.port.out.RecordRollbackPort;
import dev.converge.application.port.out.RecordValidationPort;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.application.port.out.StorePlanPort;
import dev.converge.application.port.out.WriteReportPort;
import dev.converge.application.port.out.RecordChangesPort;
import dev.converge.application.port.out.WriteDirtyRowsPort;
import dev.converge.application.port.out.WriteTableFilesPort;

/** Wires adapters-csv into a session: the files in the run's work directory. */
@Module
interface CsvSessionModule {

  @Provides
  static StorePlanPort plans(ConnectionSettings settings) {
    return new JsonPlanFileAdapter(settings.workDirectory());
  }

  @Provides
  static WriteDirtyRowsPort dirtyRows(ConnectionSettings settings) {
    return new CsvDirtyRowsAdapter(settings.workDirectory());
  }

  @Provides
  static RecordChangesPort changes(ConnectionSettings settings) {
    return new CsvChangesAdapter(settings.workDirectory());
  }

  @Provides
  static CsvTableFilesAdapter csvTableFiles(ConnectionSettings settings) {
    return new CsvTableFilesAdapter(settings.workDirectory());
  }

  @Provides
  static WriteTableFilesPort tableFiles(CsvTableFilesAdapter files) {
    return files;
  }

  @Provides
  static ReadTableFilesPort readTableFiles(CsvTableFilesAdapter files) {
    return files;
  }

  @Provides
  static WriteReportPort reports(ConnectionSettings settings) {
    return new FileReportAdapter(settings.workDirectory());
  }

  @Provides
  static ReadChecklistPort checklists() {
    return new JacksonChecklistFileAdapter();
  }

  @Provides
  static RecordImportPort importJournal(ConnectionSettings settings) {
    return new JsonImportJournalAdapter(settings.workDirectory());
  }

  @Provides
  static RecordRollbackPort rollbackJournal(ConnectionSettings settings) {
    return new JsonRollbackJournalAdapter(settings.workDirectory());
  }

  @Provides
  static RecordValidationPort verdicts(ConnectionSettings settings) {
    return new JsonValidationFileAdapter(settings.workDirectory());
  }

  @Provides
  static StoreManifestPort manifests(ConnectionSettings settings) {
    return new JsonManifestFileAdapter(settings.workDirectory());
  }
}
