package dev.converge.application.connection;

/** A database server converge started itself (demo, benchmark, tests); closing it stops it. */
public interface RunningServer extends AutoCloseable {

  /** The product and version the server reports, e.g. {@code MySQL 8.0.31}. */
  String description();

  /** Creates an empty database (schema container) on the server. */
  void createDatabase(String name);

  /** The administrator's endpoint for one database. */
  DatabaseEndpoint endpoint(String database);

  /** Stops the server and removes its data. */
  @Override
  void close();
}
