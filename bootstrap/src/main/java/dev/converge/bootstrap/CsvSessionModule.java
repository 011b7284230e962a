package dev.converge.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.converge.adapter.csv.JsonPlanFileAdapter;
import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.out.StorePlanPort;

/** Wires adapters-csv into a session: the files in the run's work directory. */
@Module
interface CsvSessionModule {

  @Provides
  static StorePlanPort plans(ConnectionSettings settings) {
    return new JsonPlanFileAdapter(settings.workDirectory());
  }
}
