package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.adapter.mysql.EmbeddedMySqlServerAdapter;
import dev.converge.adapter.postgres.EmbeddedPostgresServerAdapter;
import dev.converge.application.connection.RunningServer;
import dev.converge.application.port.out.StartSourceServerPort;
import dev.converge.application.session.DemoEnvironment;
import dev.converge.application.session.DemoSettings;
import dev.converge.domain.failure.MissingPrerequisiteException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: converge demo, end to end on its own embedded servers, ends with PASS. */
class DemoIT {

  @TempDir Path workDirectory;

  @Test
  void theDemoMigratesBothReferenceDatasetsAndEndsWithPass() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"demo", "--scale", "0.005", "--work-dir", workDirectory.toString()},
        new PrintWriter(out, true), new PrintWriter(err, true));

    String output = out + "\n--- stderr ---\n" + err;
    assertEquals(0, status, output);
    assertTrue(out.toString().contains("converge demo: PASS"), output);
    assertTrue(out.toString().contains("Projected cut-over:"), output);
    for (String dataset : new String[] {"alkemio", "kratos"}) {
      assertTrue(Files.exists(workDirectory.resolve(dataset).resolve("verification_report.md")), dataset);
      assertTrue(Files.exists(workDirectory.resolve(dataset).resolve("run_report.md")), dataset);
    }
  }

  @Test
  void withoutLibaioTheDemoSaysSoAndUsesMariaDb() {
    EmbeddedMySqlServerAdapter servers = new EmbeddedMySqlServerAdapter();
    StartSourceServerPort mySqlMissingLibaio = new StartSourceServerPort() {
      @Override
      public RunningServer startMySql() {
        throw new MissingPrerequisiteException("libaio1 (the Linux asynchronous I/O library MySQL 8 needs)",
            "apt-get install libaio1", "libaio.so.1: cannot open shared object file");
      }

      @Override
      public RunningServer startMariaDb() {
        return servers.startMariaDb();
      }
    };
    try (DemoEnvironment demo = new EmbeddedDemoEnvironments(mySqlMissingLibaio, new EmbeddedPostgresServerAdapter())
        .start(new DemoSettings(List.of("kratos"), 0.001, false))) {
      assertTrue(demo.servers().startsWith("MariaDB 11.4"), demo.servers());
      assertTrue(demo.notes().stream().anyMatch(note -> note.contains("libaio1") && note.contains("MariaDB 11.4")),
          demo.notes().toString());
      assertTrue(demo.databases().get(0).rows() > 0, demo.databases().toString());
    }
  }
}
