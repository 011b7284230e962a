package dev.converge.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.converge.adapter.json.JsonImportJournalAdapter;
import dev.converge.adapter.json.JsonManifestFileAdapter;
import dev.converge.adapter.json.JsonPlanFileAdapter;
import dev.converge.adapter.json.JsonRollbackJournalAdapter;
import dev.converge.adapter.json.JsonValidationFileAdapter;
import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.out.RecordImportPort;
import dev.converge.application.port.out.RecordRollbackPort;
import dev.converge.application.port.out.RecordValidationPort;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.application.port.out.StorePlanPort;

/** Wires adapters-json into a session: the plan, the manifest and the journals in the run's work directory. */
@Module
interface JsonSessionModule {

  @Provides
  static StorePlanPort plans(ConnectionSettings settings) {
    return new JsonPlanFileAdapter(settings.workDirectory());
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
