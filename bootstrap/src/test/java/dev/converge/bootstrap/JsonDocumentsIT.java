package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.converge.dataset.DatasetOptions;
import dev.converge.domain.failure.ErrorCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command with {@code --output json}, on real servers, succeeding and failing: standard output
 * holds exactly one JSON document, and each document (and each JSON file of the work directory) is
 * valid against its schema in docs/schemas.
 */
class JsonDocumentsIT {

  private static final Path SCHEMAS = Path.of("..", "docs", "schemas");
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  @TempDir Path workDirectory;

  @Test
  void everyCommandPrintsOneDocumentValidAgainstItsSchema() throws IOException {
    Rehearsal run = Rehearsal.of("kratos", EmbeddedServers.mySql(), DatasetOptions.clean(0.001), false, workDirectory);
    String location = run.dataset.postgresMigrationLocation();

    valid("connect", json(0, run.arguments("connect", "--output", "json")));
    valid("schema", json(0, run.arguments("schema", "--flyway-location", location, "--output", "json")));
    valid("plan", json(0, run.arguments("plan", "--output", "json")));
    JsonNode export = valid("export", json(0, run.arguments("export", "--output", "json")));
    assertTrue(export.at("/manifest/tables/0/contentChecksum").isTextual(), "each table's checksum is a field: " + export);
    valid("manifest", export.get("manifest"));
    valid("validate", json(0, run.arguments("validate", "--output", "json")));
    valid("import", json(0, run.arguments("import", "--output", "json")));
    JsonNode verify = valid("verify", json(0, run.arguments("verify", "--output", "json")));
    JsonNode table = verify.at("/tables/0");
    assertEquals(table.at("/source/rows").asLong(), table.at("/target/rows").asLong(), "counts are fields: " + table);
    assertEquals(table.at("/export/checksum").asText(), table.at("/target/checksum").asText(), "checksums are fields");
    assertTrue(table.at("/decided/quarantined").isIntegralNumber() && table.at("/decided/changed").isIntegralNumber()
        && table.at("/decided/merged").isIntegralNumber() && table.at("/decided/byDecision").isObject(),
        "the decisions' counts are fields: " + table);
    valid("status", json(0, List.of("status", "--work-dir", workDirectory.toString(), "--output", "json")));
    JsonNode status = valid("status", json(0, run.arguments("status", "--output", "json")));
    assertEquals("CURRENT", status.at("/source/state").asText(), "compared with the source now: " + status);
    valid("report", json(0, List.of("report", "--work-dir", workDirectory.toString(), "--output", "json")));

    valid("plan", file("migration_plan.json"));
    valid("manifest", file(export.get("savedAs").asText()));
    valid("run-journal", file("run_journal.json"));

    JsonNode sync = valid("sync", json(0, run.arguments("sync", "--output", "json")));
    assertTrue(sync.get("tables").size() > 0 && sync.get("tables").get(0).get("proven").asBoolean(), sync.toString());
    valid("rollback", json(0, run.arguments("rollback", "--yes", "--output", "json")));
    Path again = workDirectory.resolve("again");
    JsonNode migrate = valid("migrate", json(0, run.withFreshTarget(again).arguments("migrate", "--output", "json")));
    assertEquals(List.of("plan", "export", "validate", "import", "pipeline", "verify"),
        names(migrate.get("phases")), migrate.toString());
  }

  @Test
  void everyFailurePrintsOneDocumentWithItsStatusCodeAndFields() throws IOException {
    Rehearsal dirty = Rehearsal.of("alkemio", EmbeddedServers.mySql(), DatasetOptions.clean(0.001).withDirtyRows(),
        true, workDirectory);

    JsonNode blocked = valid("failure", json(6, dirty.arguments("plan", "--output", "json")));
    assertEquals("PLAN_BLOCKED", blocked.at("/error/code").asText(), blocked.toString());
    assertTrue(blocked.at("/error/blockers").asInt() > 0 && blocked.at("/result/blockers").isArray(), blocked.toString());
    valid("plan", blocked.get("result"));

    JsonNode migrate = valid("failure", json(6, dirty.arguments("migrate", "--output", "json")));
    assertEquals("migrate", migrate.get("command").asText());
    assertEquals(List.of("plan"), names(migrate.get("phases")), migrate.toString());

    List<String> unreachable = new ArrayList<>(dirty.arguments("connect", "--output", "json"));
    unreachable.set(unreachable.indexOf("--target-port") + 1, String.valueOf(unusedPort()));
    JsonNode connection = valid("failure", json(ExitStatus.of(ErrorCode.CONNECTION), unreachable));
    assertEquals("CONNECTION", connection.at("/error/code").asText(), connection.toString());

    JsonNode usage = valid("failure", json(2, List.of("plan", "--output", "json", "--no-such-option")));
    assertEquals("USAGE", usage.at("/error/code").asText(), usage.toString());

    JsonNode noRun = valid("failure", json(ExitStatus.of(ErrorCode.CONFIGURATION),
        List.of("report", "--work-dir", workDirectory.resolve("empty").toString(), "--output", "json")));
    assertEquals("report", noRun.get("command").asText(), noRun.toString());

    Rehearsal clean = Rehearsal.of("kratos", EmbeddedServers.mySql(), DatasetOptions.clean(0.001), true,
        workDirectory.resolve("tampered"));
    json(0, clean.arguments("plan", "--output", "json"));
    json(0, clean.arguments("export", "--output", "json"));
    Path part;
    try (Stream<Path> files = Files.walk(clean.workDirectory)) {
      part = files.filter(file -> file.toString().endsWith(".csv") && file.toFile().length() > 200).findFirst()
          .orElseThrow();
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(part, StandardCharsets.UTF_8));
    lines.set(1, lines.get(1) + ",\"one column too many\"");
    Files.write(part, lines, StandardCharsets.UTF_8);
    JsonNode invalid = valid("failure", json(ExitStatus.of(ErrorCode.VALIDATION),
        clean.arguments("validate", "--output", "json")));
    assertEquals("VALIDATION", invalid.at("/error/code").asText(), invalid.toString());
    assertTrue(invalid.at("/error/problems").asInt() > 0, invalid.toString());
    valid("validate", invalid.get("result"));
  }

  /** Runs converge and returns its standard output, which must be exactly one JSON document. */
  private JsonNode json(int status, List<String> args) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(status, exit, args.get(0) + " exit status; stdout:\n" + out + "\nstderr:\n" + err);
    try {
      return JSON.readTree(out.toString());
    } catch (IOException e) {
      throw new AssertionError(args.get(0) + " printed more or less than one JSON document:\n" + out, e);
    }
  }

  private JsonNode file(String name) throws IOException {
    return JSON.readTree(workDirectory.resolve(name).toFile());
  }

  /**
   * Asserts {@code document} is valid against docs/schemas/NAME.schema.json; returns it. Each document
   * is kept in target/json-documents for a reader of a failed run.
   */
  private static JsonNode valid(String name, JsonNode document) throws IOException {
    Path dump = Path.of("target", "json-documents");
    Files.createDirectories(dump);
    int n = 0;
    while (Files.exists(dump.resolve(name + "-" + n + ".json"))) {
      n++;
    }
    Files.writeString(dump.resolve(name + "-" + n + ".json"), document.toPrettyString());
    Schema schema = REGISTRY.getSchema(Files.readString(SCHEMAS.resolve(name + ".schema.json"), StandardCharsets.UTF_8));
    List<Error> errors = schema.validate(document.toString(), InputFormat.JSON);
    assertTrue(errors.isEmpty(), name + ".schema.json rejects the document: " + errors + "\n" + document.toPrettyString());
    return document;
  }

  private static List<String> names(JsonNode phases) {
    List<String> names = new ArrayList<>();
    phases.forEach(phase -> names.add(phase.get("phase").asText()));
    return names;
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
