package dev.converge.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.converge.adapter.csv.CsvChangesAdapter;
import dev.converge.adapter.csv.CsvDirtyRowsAdapter;
import dev.converge.adapter.csv.CsvTableFilesAdapter;
import dev.converge.adapter.json.JsonDirtyRowsAdapter;
import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.out.ReadTableFilesPort;
import dev.converge.application.port.out.RecordChangesPort;
import dev.converge.application.port.out.WriteDirtyRowsPort;
import dev.converge.application.port.out.WriteTableFilesPort;
import java.util.List;

/** Wires adapters-csv into a session: the CSV files in the run's work directory (table parts, dirty rows, changes). */
@Module
interface CsvSessionModule {

  /** dirty_rows.csv, and its JSON twin from adapters-json. */
  @Provides
  static WriteDirtyRowsPort dirtyRows(ConnectionSettings settings) {
    return WriteDirtyRowsPort.all(List.of(new CsvDirtyRowsAdapter(settings.workDirectory()),
        new JsonDirtyRowsAdapter(settings.workDirectory())));
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
}
