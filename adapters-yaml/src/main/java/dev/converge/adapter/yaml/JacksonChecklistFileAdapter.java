package dev.converge.adapter.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.converge.application.port.out.ReadChecklistPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.failure.InvalidChecklistException;
import dev.converge.domain.verification.Checklist;
import dev.converge.domain.verification.ChecklistCheck;
import dev.converge.domain.verification.Expectation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads checklists: a YAML file, a JSON file (by its {@code .json} extension), or one shipped with
 * converge as {@code builtin:NAME}. The file is read field by field, so that every mistake is
 * reported with the file, the check and the field.
 */
public final class JacksonChecklistFileAdapter implements ReadChecklistPort {

  /** How a location names a checklist shipped with converge. */
  public static final String BUILTIN = "builtin:";
  /** The shipped checklists, as resources {@code dev/converge/checklists/NAME.yaml}. */
  public static final List<String> BUILTINS = List.of("alkemio", "kratos", "alkemio-kratos");

  private static final String RESOURCES = "dev/converge/checklists/";
  private static final Set<String> CHECKLIST_FIELDS = Set.of("name", "description", "databases", "checks");
  private static final Set<String> CHECK_FIELDS = Set.of("name", "description", "database", "sql", "expect",
      "source-sql");
  private static final Set<String> FOUND_IN_FIELDS = Set.of("database", "sql");

  // Two `sql:` keys in one check are a mistake to report, not a value to pick.
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  @Override
  public Checklist read(String location) {
    boolean builtin = location.startsWith(BUILTIN);
    String name = builtin ? location.substring(BUILTIN.length()) : baseName(location);
    byte[] bytes = builtin ? resource(name) : file(location);
    boolean isJson = !builtin && location.toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    JsonNode root;
    try {
      root = (isJson ? json : yaml).readTree(bytes);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new InvalidChecklistException(location, null, null, "not valid " + (isJson ? "JSON" : "YAML")
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "cannot read the checklist " + location + ": " + e.getMessage(), e);
    }
    try {
      return checklist(root, name);
    } catch (InvalidChecklistException e) {
      throw e.in(location, null);
    }
  }

  private static Checklist checklist(JsonNode root, String defaultName) {
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new InvalidChecklistException(null, null, null, "the file is empty");
    }
    if (!root.isObject()) {
      throw new InvalidChecklistException(null, null, null, "the file must hold a mapping with 'checks'");
    }
    onlyKnownFields(root, CHECKLIST_FIELDS, "");
    String name = text(root, "name", "name");
    Map<String, String> databases = new LinkedHashMap<>();
    JsonNode declared = root.get("databases");
    if (declared != null && !declared.isNull()) {
      if (!declared.isObject()) {
        throw new InvalidChecklistException(null, null, "databases", "must map each alias to a database name");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = declared.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> alias = it.next();
        if (!alias.getValue().isTextual()) {
          throw new InvalidChecklistException(null, null, "databases." + alias.getKey(), "must be a database name (text)");
        }
        databases.put(alias.getKey(), alias.getValue().asText());
      }
    }
    JsonNode listed = root.get("checks");
    if (listed == null || listed.isNull()) {
      throw new InvalidChecklistException(null, null, "checks", "is required: a list of checks");
    }
    if (!listed.isArray()) {
      throw new InvalidChecklistException(null, null, "checks", "must be a list of checks");
    }
    List<ChecklistCheck> checks = new ArrayList<>();
    for (int i = 0; i < listed.size(); i++) {
      JsonNode check = listed.get(i);
      String label = check.path("name").isTextual() ? check.get("name").asText() : "#" + (i + 1);
      try {
        checks.add(check(check));
      } catch (InvalidChecklistException e) {
        throw e.in(null, label);
      }
    }
    return new Checklist(name == null ? defaultName : name, databases, checks);
  }

  private static ChecklistCheck check(JsonNode check) {
    if (!check.isObject()) {
      throw new InvalidChecklistException(null, null, null, "a check is a mapping with name, sql and optionally"
          + " description, database, expect and source-sql");
    }
    onlyKnownFields(check, CHECK_FIELDS, "");
    return new ChecklistCheck(text(check, "name", "name"), text(check, "description", "description"),
        text(check, "database", "database"), text(check, "sql", "sql"), expectation(check.get("expect")),
        text(check, "source-sql", "source-sql"));
  }

  private static Expectation expectation(JsonNode expect) {
    String forms = "is zero-rows (the default), {value: X} or {found-in: {database: ALIAS, sql: QUERY}}";
    if (expect == null || expect.isNull()) {
      return new Expectation.ZeroRows();
    }
    if (expect.isTextual() && expect.asText().equals(Expectation.ZeroRows.KEYWORD)) {
      return new Expectation.ZeroRows();
    }
    if (!expect.isObject() || expect.size() != 1) {
      throw new InvalidChecklistException(null, null, "expect", forms);
    }
    if (expect.has(Expectation.Value.KEYWORD)) {
      JsonNode value = expect.get(Expectation.Value.KEYWORD);
      if (!value.isValueNode()) {
        throw new InvalidChecklistException(null, null, "expect.value", "must be a single value (text, number, true,"
            + " false or null)");
      }
      // Numbers compare by value, so 12.5 here matches PostgreSQL's 12.50.
      return new Expectation.Value(value.isNull() ? null : value.asText());
    }
    if (expect.has(Expectation.FoundIn.KEYWORD)) {
      JsonNode foundIn = expect.get(Expectation.FoundIn.KEYWORD);
      String field = "expect." + Expectation.FoundIn.KEYWORD;
      if (!foundIn.isObject()) {
        throw new InvalidChecklistException(null, null, field, "must be a mapping with sql and optionally database");
      }
      onlyKnownFields(foundIn, FOUND_IN_FIELDS, field + ".");
      return new Expectation.FoundIn(text(foundIn, "database", field + ".database"),
          text(foundIn, "sql", field + ".sql"));
    }
    throw new InvalidChecklistException(null, null, "expect", forms);
  }

  private static String text(JsonNode node, String name, String field) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidChecklistException(null, null, field, "must be text");
    }
    return value.asText();
  }

  private static void onlyKnownFields(JsonNode node, Set<String> known, String prefix) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new InvalidChecklistException(null, null, prefix + name, "unknown field (known: "
            + String.join(", ", new java.util.TreeSet<>(known)) + ")");
      }
    }
  }

  private static byte[] resource(String name) {
    if (!BUILTINS.contains(name)) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "there is no built-in checklist '" + name + "'; built in: "
          + String.join(", ", BUILTINS.stream().map(b -> BUILTIN + b).toList()));
    }
    try (InputStream in = JacksonChecklistFileAdapter.class.getClassLoader().getResourceAsStream(RESOURCES + name + ".yaml")) {
      if (in == null) {
        throw new ConvergeException(ErrorCode.INTERNAL, "the built-in checklist " + name + " is missing from converge");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.INTERNAL, "cannot read the built-in checklist " + name, e);
    }
  }

  private static byte[] file(String location) {
    try {
      return Files.readAllBytes(Path.of(location));
    } catch (NoSuchFileException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "the checklist file " + location + " does not exist", e);
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "cannot read the checklist file " + location + ": "
          + e.getMessage(), e);
    }
  }

  private static String baseName(String location) {
    Path name = Path.of(location).getFileName();
    String file = name == null ? location : name.toString();
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }
}
