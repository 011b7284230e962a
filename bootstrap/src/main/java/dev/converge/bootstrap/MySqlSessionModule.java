package dev.converge.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.converge.adapter.mysql.MySqlSource;
import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.in.ExportTablesCommand;
import dev.converge.application.port.out.LookupSourceValuesPort;
import dev.converge.application.port.out.ReadMigrationVersionsPort;
import dev.converge.application.port.out.ReadSourcePositionPort;
import dev.converge.application.port.out.ReadSourceSchemaPort;
import dev.converge.application.port.out.RunPreflightChecksPort;
import dev.converge.application.port.out.RunSourceQueryPort;
import dev.converge.application.port.out.StreamSourceRowsPort;
import javax.inject.Named;

/** Wires adapters-mysql into a session: the read-only source pool and the adapters that read through it. */
@Module
interface MySqlSessionModule {

  /**
   * Enough connections for the most parallel export (its readers and the snapshot's control
   * connection); the pool opens them only as they are asked for.
   */
  int SOURCE_CONNECTIONS = ExportTablesCommand.MAX_PARALLELISM + 2;

  @Provides
  @SessionScope
  static MySqlSource source(ConnectionSettings settings) {
    return MySqlSource.open(settings.source(), SOURCE_CONNECTIONS);
  }

  @Provides
  static ReadSourceSchemaPort sourceCatalog(MySqlSource source) {
    return source.catalog();
  }

  @Provides
  static RunPreflightChecksPort preflight(MySqlSource source) {
    return source.preflight();
  }

  @Provides
  static StreamSourceRowsPort snapshots(MySqlSource source) {
    return source.snapshots();
  }

  @Provides
  static RunSourceQueryPort sourceQueries(MySqlSource source) {
    return source.sourceQueries();
  }

  @Provides
  static LookupSourceValuesPort sourceLookups(MySqlSource source) {
    return source.lookups();
  }

  @Provides
  static ReadSourcePositionPort sourcePosition(MySqlSource source) {
    return source.sourcePosition();
  }

  @Provides
  @Named("source")
  static ReadMigrationVersionsPort sourceMigrationVersions(MySqlSource source) {
    return source.migrationVersions();
  }
}
