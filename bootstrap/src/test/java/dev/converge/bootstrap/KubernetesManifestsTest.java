package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.converge.adapter.shell.ConfiguredDefaults;
import dev.converge.adapter.yaml.YamlConfigurationFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The example in deploy/kubernetes (docs/kubernetes.md) says only what converge understands: every
 * flag a Job passes is an option of its command, every CONVERGE_ variable one converge reads, every
 * key of the ConfigMap's converge.yml an option; and the Jobs are the ones the doc promises: never
 * retried, stopped with time to spare, non-root on a read-only root with the work directory on the
 * claim.
 */
class KubernetesManifestsTest {

  static final Path MANIFESTS = Path.of("..", "deploy", "kubernetes");

  /**
   * Variables converge reads that are not an option's: the passwords, the configuration and log
   * files, the stop bound on SIGTERM, the demo's Maven repository.
   */
  private static final Set<String> OTHER_VARIABLES = Set.of("CONVERGE_SOURCE_PASSWORD", "CONVERGE_TARGET_PASSWORD",
      "CONVERGE_CONFIG", "CONVERGE_LOG_FILE", "CONVERGE_STOP_TIMEOUT", "CONVERGE_MAVEN_REPOSITORY");

  /** converge's stop bound on SIGTERM (CONVERGE_STOP_TIMEOUT's default), in seconds. */
  private static final int STOP_TIMEOUT_SECONDS = 10;

  @Test
  void theExampleHoldsPlanMigrateAndVerifyJobsAClaimASecretAndAConfigMap() {
    List<JsonNode> documents = documents();
    assertEquals(Set.of("plan", "migrate", "verify"),
        Set.copyOf(jobs(documents).stream().map(job -> args(job).get(0)).toList()));
    for (String kind : List.of("PersistentVolumeClaim", "Secret", "ConfigMap")) {
      assertEquals(1, ofKind(documents, kind).size(), kind);
    }
  }

  @Test
  void everyFlagAJobPassesIsAnOptionOfItsCommand() {
    CommandLine root = commandLine();
    List<String> unknown = new ArrayList<>();
    for (JsonNode job : jobs(documents())) {
      unknown.addAll(unknownFlags(root, args(job)));
    }
    assertTrue(unknown.isEmpty(), "not options of converge: " + unknown);
  }

  @Test
  void anUnknownFlagOrCommandIsCaught() {
    CommandLine root = commandLine();
    assertEquals(List.of("migrate --keep-plans"), unknownFlags(root, List.of("migrate", "--keep-plans")));
    assertEquals(List.of("migrat"), unknownFlags(root, List.of("migrat")));
    assertEquals(List.of(), unknownFlags(root, List.of("verify", "--examples=3", "--verbose")));
  }

  @Test
  void everyConvergeVariableAJobSetsIsOneConvergeReads() {
    Set<String> known = knownVariables(commandLine());
    assertTrue(known.contains("CONVERGE_SOURCE_HOST") && known.contains("CONVERGE_WORK_DIR"), known.toString());
    List<String> unknown = new ArrayList<>();
    for (JsonNode job : jobs(documents())) {
      for (JsonNode variable : container(job).path("env")) {
        String name = variable.get("name").asText();
        if (name.startsWith("CONVERGE_") && !known.contains(name)) {
          unknown.add(job.at("/metadata/name").asText() + " " + name);
        }
      }
    }
    assertTrue(unknown.isEmpty(), "variables converge does not read: " + unknown);
  }

  @Test
  void theJobsPasswordsComeFromTheSecretAndTheirConfigurationFromTheConfigMap() {
    List<JsonNode> documents = documents();
    JsonNode secret = ofKind(documents, "Secret").get(0);
    JsonNode configMap = ofKind(documents, "ConfigMap").get(0);
    for (JsonNode job : jobs(documents)) {
      String name = job.at("/metadata/name").asText();
      JsonNode env = container(job).path("env");
      for (String password : List.of("CONVERGE_SOURCE_PASSWORD", "CONVERGE_TARGET_PASSWORD")) {
        JsonNode reference = variable(env, password).at("/valueFrom/secretKeyRef");
        assertEquals(secret.at("/metadata/name").asText(), reference.path("name").asText(), name + " " + password);
        assertTrue(secret.path("stringData").has(reference.path("key").asText()), name + " " + password);
      }
      Path config = Path.of(variable(env, "CONVERGE_CONFIG").path("value").asText());
      JsonNode volume = volumeMountedAt(job, config.getParent().toString());
      assertEquals(configMap.at("/metadata/name").asText(), volume.at("/configMap/name").asText(), name);
      assertTrue(configMap.path("data").has(config.getFileName().toString()), name + " " + config);
    }
  }

  @Test
  void everyKeyOfTheConfigMapsConvergeYmlNamesAnOption(@TempDir Path directory) throws IOException {
    Path file = Files.writeString(directory.resolve("converge.yml"), configMapConvergeYml());
    ConvergeComponent component = component();
    // The check converge itself makes when it reads the file: an unknown or password key throws.
    component.defaults().load(file.toString(), YamlConfigurationFile.read(file), component.commandLine());
    assertFalse(YamlConfigurationFile.read(file).isEmpty());
  }

  @Test
  void theJobsAreNeverRetriedAndStopWithinTheirGracePeriod() {
    for (JsonNode job : jobs(documents())) {
      String name = job.at("/metadata/name").asText();
      assertEquals(0, job.at("/spec/backoffLimit").asInt(-1), name + ": a failed phase is a human's decision");
      assertEquals("Never", job.at("/spec/template/spec/restartPolicy").asText(), name);
      int grace = job.at("/spec/template/spec/terminationGracePeriodSeconds").asInt(30);
      assertTrue(grace > STOP_TIMEOUT_SECONDS + 5, name + ": " + grace + " s leaves converge no time to stop cleanly");
    }
  }

  @Test
  void theJobsRunAsNonRootOnAReadOnlyRootWithTheWorkDirectoryOnTheClaim() {
    List<JsonNode> documents = documents();
    String claim = ofKind(documents, "PersistentVolumeClaim").get(0).at("/metadata/name").asText();
    String workDirectory = YamlConfigurationFile.read(writeTemporarily(configMapConvergeYml())).get("work-dir");
    for (JsonNode job : jobs(documents)) {
      String name = job.at("/metadata/name").asText();
      JsonNode container = container(job);
      assertTrue(job.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean(), name);
      assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean(), name);
      assertFalse(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true), name);
      assertEquals(claim, volumeMountedAt(job, "/work").at("/persistentVolumeClaim/claimName").asText(), name);
      assertTrue(volumeMountedAt(job, "/tmp").has("emptyDir"), name + ": /tmp is not an emptyDir");
      assertTrue(workDirectory.startsWith("/work/"), "work-dir " + workDirectory + " is not on the claim");
      assertTrue(variable(container.path("env"), "CONVERGE_LOG_FILE").path("value").asText().startsWith("/work/"),
          name + ": the log would go to the read-only root");
      assertTrue(container.at("/resources/requests").has("cpu") && container.at("/resources/requests").has("memory"),
          name + " has no resource requests");
    }
  }

  /** The converge.yml the example's ConfigMap holds. */
  static String configMapConvergeYml() {
    List<JsonNode> configMaps = ofKind(documents(), "ConfigMap");
    assertEquals(1, configMaps.size(), "ConfigMaps in " + MANIFESTS);
    return configMaps.get(0).at("/data/converge.yml").asText();
  }

  /** Each "--flag" of a Job's args that its command (or the root, for inherited ones) does not have. */
  private static List<String> unknownFlags(CommandLine root, List<String> args) {
    CommandLine command = root.getSubcommands().get(args.get(0));
    if (command == null) {
      return List.of(args.get(0));
    }
    List<String> unknown = new ArrayList<>();
    for (String arg : args.subList(1, args.size())) {
      if (arg.startsWith("--")) {
        String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        if (command.getCommandSpec().findOption(flag) == null && root.getCommandSpec().findOption(flag) == null) {
          unknown.add(args.get(0) + " " + flag);
        }
      }
    }
    return unknown;
  }

  /** CONVERGE_ + each option's name, upper case, dashes as underscores; and the others converge reads. */
  private static Set<String> knownVariables(CommandLine commandLine) {
    Set<String> variables = new HashSet<>(OTHER_VARIABLES);
    collectVariables(commandLine, variables);
    return variables;
  }

  private static void collectVariables(CommandLine commandLine, Set<String> variables) {
    for (OptionSpec option : commandLine.getCommandSpec().options()) {
      if (option.longestName().startsWith("--")) {
        variables.add(ConfiguredDefaults.environmentVariable(option.longestName().substring(2)));
      }
    }
    commandLine.getSubcommands().values().forEach(sub -> collectVariables(sub, variables));
  }

  private static List<JsonNode> documents() {
    List<JsonNode> documents = new ArrayList<>();
    try (Stream<Path> files = Files.list(MANIFESTS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (MappingIterator<JsonNode> parsed = new YAMLMapper().readerFor(JsonNode.class).readValues(file.toFile())) {
          parsed.readAll().stream().filter(document -> !document.isMissingNode() && !document.isNull())
              .forEach(documents::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertFalse(documents.isEmpty(), "no manifests in " + MANIFESTS.toAbsolutePath());
    documents.forEach(document -> assertTrue(document.hasNonNull("kind") && document.hasNonNull("apiVersion"),
        "a manifest without kind or apiVersion: " + document));
    return documents;
  }

  private static List<JsonNode> ofKind(List<JsonNode> documents, String kind) {
    return documents.stream().filter(document -> kind.equals(document.path("kind").asText())).toList();
  }

  private static List<JsonNode> jobs(List<JsonNode> documents) {
    return ofKind(documents, "Job");
  }

  private static JsonNode container(JsonNode job) {
    JsonNode containers = job.at("/spec/template/spec/containers");
    assertEquals(1, containers.size(), job.at("/metadata/name").asText());
    return containers.get(0);
  }

  private static List<String> args(JsonNode job) {
    List<String> args = new ArrayList<>();
    container(job).path("args").forEach(arg -> args.add(arg.asText()));
    assertFalse(args.isEmpty(), job.at("/metadata/name").asText() + " names no command");
    return args;
  }

  private static JsonNode variable(JsonNode env, String name) {
    for (JsonNode variable : env) {
      if (name.equals(variable.path("name").asText())) {
        return variable;
      }
    }
    throw new AssertionError(name + " is not set");
  }

  /** The pod volume mounted at {@code path} in the Job's container. */
  private static JsonNode volumeMountedAt(JsonNode job, String path) {
    String volume = null;
    for (JsonNode mount : container(job).path("volumeMounts")) {
      if (path.equals(mount.path("mountPath").asText())) {
        volume = mount.path("name").asText();
      }
    }
    for (JsonNode candidate : job.at("/spec/template/spec/volumes")) {
      if (candidate.path("name").asText().equals(volume)) {
        return candidate;
      }
    }
    throw new AssertionError(job.at("/metadata/name").asText() + " mounts no volume at " + path);
  }

  private static Path writeTemporarily(String text) {
    try {
      Path file = Files.createTempFile("converge", ".yml");
      file.toFile().deleteOnExit();
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ConvergeComponent component() {
    return TestComponents.quiet();
  }

  private static CommandLine commandLine() {
    return component().commandLine();
  }
}
