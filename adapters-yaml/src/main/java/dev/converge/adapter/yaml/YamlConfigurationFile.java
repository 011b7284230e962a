package dev.converge.adapter.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code converge.yml} into flat keys: nested maps join with dots ({@code source: {host: x}}
 * is {@code source.host}), lists become comma-separated values, and a key naming a password is
 * refused — secrets come only from the environment or a password file. Under {@code map} each
 * column's map ({@code TABLE.COLUMN: {lookup: SQL}}, or {@code TABLE: {COLUMN: {lookup: SQL}}}) becomes
 * one {@code TABLE.COLUMN=lookup:SQL} value of the {@code --map} option.
 */
public final class YamlConfigurationFile {

  private YamlConfigurationFile() {}

  public static Map<String, String> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "the configuration file " + file + " does not exist");
    }
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "cannot read the configuration file " + file + ": "
          + e.getMessage(), e);
    }
    Map<String, String> flat = new LinkedHashMap<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return flat;
    }
    if (!root.isObject()) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "the configuration file " + file
          + " must hold a map of keys, not " + root.getNodeType().toString().toLowerCase(Locale.ROOT));
    }
    flatten(file, "", root, flat);
    return flat;
  }

  /** The key of the column maps, and the one kind of map a column has. */
  private static final String MAP = "map";
  private static final String LOOKUP = "lookup";

  /** Each {@code lookup} under {@code node} as {@code TABLE.COLUMN=lookup:SQL}, comma-separated as the option splits them. */
  private static void columnMaps(Path file, String key, String column, JsonNode node, StringBuilder maps) {
    if (node.has(LOOKUP)) {
      JsonNode sql = node.get(LOOKUP);
      if (column.indexOf('.') < 1 || node.size() != 1 || !sql.isTextual() || sql.asText().isBlank()) {
        throw new ConvergeException(ErrorCode.CONFIGURATION, file + ": key " + key + "." + column
            + " must be TABLE.COLUMN: {lookup: SQL}, the lookup SQL with ? for the column's value");
      }
      maps.append(maps.length() == 0 ? "" : ",").append(column).append("=lookup:").append(sql.asText());
      return;
    }
    if (!node.isObject() || node.isEmpty()) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, file + ": key " + key + (column.isEmpty() ? "" : "." + column)
          + " must be TABLE.COLUMN: {lookup: SQL}, the lookup SQL with ? for the column's value");
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      columnMaps(file, key, column.isEmpty() ? field.getKey() : column + "." + field.getKey(), field.getValue(), maps);
    }
  }

  private static void flatten(Path file, String prefix, JsonNode node, Map<String, String> flat) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode value = field.getValue();
      if (key.toLowerCase(Locale.ROOT).endsWith("password")) {
        throw new ConvergeException(ErrorCode.CONFIGURATION, file + ": key " + key + " would put a secret in a file"
            + " converge reads as plain configuration; use " + key + "-file or the environment variable instead");
      }
      if (value.isObject() && (field.getKey().equals(MAP))) {
        StringBuilder maps = new StringBuilder();
        columnMaps(file, key, "", value, maps);
        flat.put(key, maps.toString());
      } else if (value.isObject()) {
        flatten(file, key, value, flat);
      } else if (value.isArray()) {
        StringBuilder joined = new StringBuilder();
        for (JsonNode element : value) {
          if (!element.isValueNode()) {
            throw new ConvergeException(ErrorCode.CONFIGURATION, file + ": key " + key + " must list plain values");
          }
          joined.append(joined.length() == 0 ? "" : ",").append(element.asText());
        }
        flat.put(key, joined.toString());
      } else if (!value.isNull()) {
        flat.put(key, value.asText());
      }
    }
  }
}
