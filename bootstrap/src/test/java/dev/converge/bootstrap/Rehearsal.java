package dev.converge.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.mysql.MySqlDatasetLoadAdapter;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.adapter.postgres.PostgresTarget;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.connection.RunningServer;
import dev.converge.dataset.DatasetOptions;
import dev.converge.dataset.ReferenceDataset;
import dev.converge.dataset.ReferenceDatasets;
import dev.converge.application.port.in.GenerateDatasetCommand;
import dev.converge.application.service.GenerateDatasetService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A rehearsal on real servers for bootstrap's ITs: a reference dataset generated into a fresh source
 * database, a fresh target database (provisioned from the baseline or not), and the converge CLI
 * run against both, exactly as an operator runs it.
 */
final class Rehearsal {

  final ReferenceDataset dataset;
  final DatabaseEndpoint source;
  final DatabaseEndpoint target;
  final Path workDirectory;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private Rehearsal(ReferenceDataset dataset, DatabaseEndpoint source, DatabaseEndpoint target, Path workDirectory) {
    this.dataset = dataset;
    this.source = source;
    this.target = target;
    this.workDirectory = workDirectory;
  }

  /** Generates {@code name} at {@code options} into {@code sourceServer}; provisions the target from its baseline if asked. */
  static Rehearsal of(String name, RunningServer sourceServer, DatasetOptions options, boolean provisionTarget,
      Path workDirectory) {
    return of(ReferenceDatasets.byName(name).orElseThrow(), sourceServer, options, provisionTarget, workDirectory);
  }

  /** As {@link #of(String, RunningServer, DatasetOptions, boolean, Path)}, for any dataset (e.g. a subset of tables). */
  static Rehearsal of(ReferenceDataset dataset, RunningServer sourceServer, DatasetOptions options,
      boolean provisionTarget, Path workDirectory) {
    String name = dataset.name();
    DatabaseEndpoint source = sourceServer.endpoint(EmbeddedServers.freshDatabase(sourceServer, name));
    try (HikariDataSource pool = MySqlDataSourceFactory.writable(source, 2)) {
      MySqlDatasetLoadAdapter loader = new MySqlDatasetLoadAdapter(pool);
      new GenerateDatasetService(loader, loader).generate(new GenerateDatasetCommand(dataset, options, 2));
    }
    long generated = System.currentTimeMillis();
    RunningServer postgres = EmbeddedServers.postgres();
    DatabaseEndpoint target = postgres.endpoint(EmbeddedServers.freshDatabase(postgres, name));
    if (provisionTarget) {
      try (PostgresTarget provisioned = PostgresTarget.open(target, "public", 2)) {
        provisioned.migrations().apply(dataset.postgresMigrationLocation());
      }
    }
    quietPast(generated);
    return new Rehearsal(dataset, source, target, workDirectory);
  }

  /**
   * Waits until the second the generator last wrote in has passed. InnoDB's UPDATE_TIME, by which
   * converge tells whether an export's tables were written since its snapshot, has whole seconds, and
   * a table written in the snapshot's second counts as written (converge errs towards stale). A real
   * source is quiet for longer than a generator that just filled it.
   */
  private static void quietPast(long lastWriteMillis) {
    long wait = (lastWriteMillis / 1000 + 1) * 1000 + 50 - System.currentTimeMillis();
    if (wait > 0) {
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * As {@link #of(String, RunningServer, DatasetOptions, boolean, Path)} with the target provisioned,
   * but logged into as an application's owner is: a login that is no superuser (so it may not set
   * session_replication_role), owns the database and therefore schema public, and provisions — so
   * owns — every table.
   */
  static Rehearsal withOwnerLogin(String name, RunningServer sourceServer, DatasetOptions options, Path workDirectory) {
    Rehearsal unprovisioned = of(name, sourceServer, options, false, workDirectory);
    DatabaseEndpoint superuser = unprovisioned.target;
    String login = "owner_" + superuser.database();
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + superuser.host() + ":"
            + superuser.port() + "/" + superuser.database(), superuser.user(), superuser.password());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE ROLE \"" + login + "\" LOGIN");
      statement.execute("ALTER DATABASE \"" + superuser.database() + "\" OWNER TO \"" + login + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the owner login of " + superuser.database(), e);
    }
    DatabaseEndpoint owner = new DatabaseEndpoint(superuser.host(), superuser.port(), superuser.database(), login, "");
    try (PostgresTarget provisioned = PostgresTarget.open(owner, "public", 2)) {
      provisioned.migrations().apply(unprovisioned.dataset.postgresMigrationLocation());
    }
    return new Rehearsal(unprovisioned.dataset, unprovisioned.source, owner, workDirectory);
  }

  /** The same source, with a fresh target database provisioned from the baseline and its own work directory. */
  Rehearsal withFreshTarget(Path otherWorkDirectory) {
    RunningServer postgres = EmbeddedServers.postgres();
    DatabaseEndpoint fresh = postgres.endpoint(EmbeddedServers.freshDatabase(postgres, dataset.name()));
    try (PostgresTarget provisioned = PostgresTarget.open(fresh, "public", 2)) {
      provisioned.migrations().apply(dataset.postgresMigrationLocation());
    }
    return new Rehearsal(dataset, source, fresh, otherWorkDirectory);
  }

  /** The same source and target, run from another work directory (as a second rehearsal would be). */
  Rehearsal withWorkDirectory(Path otherWorkDirectory) {
    return new Rehearsal(dataset, source, target, otherWorkDirectory);
  }

  /** The connection and work-directory options of this rehearsal, as an operator types them. */
  List<String> connectionOptions() {
    return List.of(
        "--source-host", source.host(), "--source-port", String.valueOf(source.port()),
        "--source-database", source.database(), "--source-user", source.user(),
        "--target-host", target.host(), "--target-port", String.valueOf(target.port()),
        "--target-database", target.database(), "--target-user", target.user(),
        "--work-dir", workDirectory.toString());
  }

  /** Runs {@code converge <phase> <connection options> <options>} and returns its exit status. */
  int converge(String phase, String... options) {
    return Main.run(arguments(phase, options).toArray(String[]::new), new PrintWriter(out, true),
        new PrintWriter(err, true));
  }

  /** {@code <phase> <connection options> <options>}: what {@link #converge} runs, for a converge in another process. */
  List<String> arguments(String phase, String... options) {
    List<String> args = new ArrayList<>(List.of(phase));
    args.addAll(connectionOptions());
    args.addAll(List.of(options));
    return args;
  }

  /** What the runs printed so far, for assertion messages. */
  String output() {
    return out + "\n--- stderr ---\n" + err;
  }
}
