package dev.converge.application.session;

import dev.converge.application.connection.DatabaseEndpoint;
import java.util.List;
import java.util.Objects;

/** The running demo: its servers, what was said about them (e.g. a fallback), and one source/target pair per dataset. */
public interface DemoEnvironment extends AutoCloseable {

  /** One dataset: its generated source, its empty target database, and where its Postgres baseline is. */
  record Database(String dataset, DatabaseEndpoint source, DatabaseEndpoint target, String flywayLocation, long rows) {
    public Database {
      Objects.requireNonNull(dataset, "dataset");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(flywayLocation, "flywayLocation");
    }
  }

  /** {@code MySQL 8.0.31 → PostgreSQL 17.5}. */
  String servers();

  /** Notes for the operator (e.g. why MariaDB stands in for MySQL); empty when there are none. */
  List<String> notes();

  List<Database> databases();

  @Override
  void close();
}
