package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.adapter.embedded.mysql.EmbeddedMySqlServerAdapter;
import dev.converge.adapter.embedded.postgres.EmbeddedPostgresServerAdapter;
import dev.converge.application.connection.RunningServer;
import dev.converge.application.port.out.StartSourceServerPort;
import dev.converge.application.session.DemoEnvironment;
import dev.converge.application.session.DemoSettings;
import dev.converge.domain.failure.MissingPrerequisiteException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

  /**
   * The README's demo command from an operator's shell: the operator's variables, all wrong for
   * the demo's servers, are ignored; so is a configuration file that does not exist.
   */
  @Test
  void theDemoIgnoresTheOperatorsEnvironment() throws Exception {
    Path output = workDirectory.resolve("demo.out");
    Process demo = ChildConverge.process(workDirectory,
            List.of("demo", "--scale", "0.002", "--datasets", "kratos", "--work-dir", workDirectory.resolve("runs").toString()),
            Map.of("CONVERGE_SOURCE_PASSWORD", "operator-source-secret", "CONVERGE_TARGET_PASSWORD", "operator-target-secret",
                "CONVERGE_WORK_DIR", workDirectory.resolve("operator-work").toString(),
                "CONVERGE_CONFIG", workDirectory.resolve("no-such-converge.yml").toString(),
                "CONVERGE_SOURCE_HOST", "mysql.operator.invalid", "CONVERGE_LOG_FILE", workDirectory.resolve("demo.log").toString()))
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    boolean ended = demo.waitFor(10, TimeUnit.MINUTES);
    if (!ended) {
      demo.destroyForcibly();
    }
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    assertTrue(ended, "the demo did not end within 10 minutes: " + printed);
    assertEquals(0, demo.exitValue(), printed);
    assertTrue(printed.contains("converge demo: PASS"), printed);
    assertFalse(Files.exists(workDirectory.resolve("operator-work")), "the operator's work directory was not used");
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
