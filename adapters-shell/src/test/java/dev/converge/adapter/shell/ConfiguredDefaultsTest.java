package dev.converge.adapter.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

class ConfiguredDefaultsTest {

  @Command(name = "probe")
  static final class Probe implements Runnable {
    @Mixin ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--parallel", defaultValue = "4")
    int parallel;

    @Option(names = "--yes")
    boolean yes;

    @Override
    public void run() {}
  }

  private final Map<String, String> environment = new HashMap<>();
  private final ConfiguredDefaults defaults = new ConfiguredDefaults(environment::get);

  private Probe parse(String... args) {
    Probe probe = new Probe();
    CommandLine commandLine = new CommandLine(probe);
    commandLine.setDefaultValueProvider(defaults);
    commandLine.parseArgs(args);
    return probe;
  }

  private void file(Map<String, String> keys) {
    CommandLine commandLine = new CommandLine(new Probe());
    defaults.load("converge.yml", keys, commandLine);
  }

  @Test
  void theFlagWinsOverConnectTheEnvironmentTheFileAndTheBuiltInDefault() {
    file(Map.of("source.host", "from-file", "parallel", "2", "target.host", "from-file"));
    environment.put("CONVERGE_SOURCE_HOST", "from-env");
    environment.put("CONVERGE_PARALLEL", "3");
    defaults.remember("source-host", "from-connect");

    assertEquals("from-flag", parse("--source-host", "from-flag").connection.sourceHost);
    assertEquals("from-file", parse().connection.targetHost);
    assertEquals("from-connect", parse().connection.sourceHost);
    assertEquals(3, parse().parallel, "every option has its CONVERGE_ variable, not only the connection's");
    environment.clear();
    assertEquals(2, parse().parallel);
    assertEquals("from-file", defaults.current("target-host", "CONVERGE_TARGET_HOST"));
    assertEquals("from-connect", defaults.current("source-host", "CONVERGE_SOURCE_HOST"));
    assertEquals("127.0.0.1", new ConfiguredDefaultsTest().parse().connection.sourceHost, "the built-in default");
  }

  @Test
  void aBlankVariableCountsAsUnset() {
    environment.put("CONVERGE_WORK_DIR", " ");

    assertEquals(Path.of("converge-work"), parse().connection.workDirectory);
    assertNull(defaults.variable("CONVERGE_WORK_DIR"));
  }

  @Test
  void isolatedDefaultsSeeNeitherTheEnvironmentNorTheFileButKeepWhatConnectRemembers() {
    file(Map.of("target.host", "from-file"));
    environment.put("CONVERGE_SOURCE_HOST", "from-env");
    environment.put("CONVERGE_SOURCE_PASSWORD", "operator-secret");

    defaults.isolate();
    defaults.remember("target-port", "6543");

    Probe probe = parse("--source-database", "d", "--source-user", "u", "--target-database", "d", "--target-user", "u");
    assertEquals("127.0.0.1", probe.connection.sourceHost);
    assertEquals("127.0.0.1", probe.connection.targetHost);
    assertEquals(6543, probe.connection.targetPort);
    assertEquals("", probe.connection.settings(defaults::variable).source().password(),
        "the operator's password does not reach the demo's servers");
    assertEquals("", defaults.source());
  }

  @Test
  void aConfirmationNeverComesFromTheEnvironment() {
    environment.put("CONVERGE_YES", "true");

    assertFalse(parse().yes);
  }

  @Test
  void thePasswordComesFromTheGivenEnvironmentOnly() {
    environment.put("CONVERGE_TARGET_PASSWORD", "s3cret");

    Probe probe = parse("--source-database", "d", "--source-user", "u", "--target-database", "d", "--target-user", "u");

    assertEquals("s3cret", probe.connection.settings(defaults::variable).target().password());
    assertEquals("", probe.connection.settings(name -> null).target().password());
  }
}
