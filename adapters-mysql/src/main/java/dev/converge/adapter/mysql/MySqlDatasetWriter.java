package dev.converge.adapter.mysql;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.application.connection.DatabaseEndpoint;
import java.util.Objects;

/**
 * A writable connection to a MySQL database for generating a reference dataset into it (the demo,
 * benchmarks and tests; never a migration's source, which is opened read-only). It owns its pool.
 */
public final class MySqlDatasetWriter implements AutoCloseable {

  private final HikariDataSource pool;
  private final MySqlDatasetLoadAdapter loader;

  private MySqlDatasetWriter(HikariDataSource pool) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.loader = new MySqlDatasetLoadAdapter(pool);
  }

  public static MySqlDatasetWriter open(DatabaseEndpoint endpoint, int connections) {
    return new MySqlDatasetWriter(MySqlDataSourceFactory.writable(endpoint, connections));
  }

  /** Creates the schema and writes the rows; one object serves both ports. */
  public MySqlDatasetLoadAdapter loader() {
    return loader;
  }

  @Override
  public void close() {
    pool.close();
  }
}
