package dev.converge.bootstrap;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Stands in for an application's own migration tool in {@link SchemaPhaseIT}: a separate process
 * that knows nothing of converge and finds the target only through the standard PG* variables.
 */
public final class EnvironmentProvisioner {

  private EnvironmentProvisioner() {}

  /** {@code args[0]}: classpath resource of the SQL script to apply. */
  public static void main(String[] args) throws Exception {
    String url = "jdbc:postgresql://" + System.getenv("PGHOST") + ":" + System.getenv("PGPORT") + "/"
        + System.getenv("PGDATABASE");
    String script;
    try (InputStream in = EnvironmentProvisioner.class.getClassLoader().getResourceAsStream(args[0])) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Connection connection = DriverManager.getConnection(url, System.getenv("PGUSER"), System.getenv("PGPASSWORD"));
        Statement statement = connection.createStatement()) {
      statement.execute(script);
    }
    System.out.println("provisioned " + System.getenv("PGDATABASE") + " via " + System.getenv("DSN").replaceAll(":[^:@/]*@", "@"));
  }
}
