package dev.converge.adapter.csv;

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
 * refused — secrets come only from the environment or a password file.
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

  private static void flatten(Path file, String prefix, JsonNode node, Map<String, String> flat) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode value = field.getValue();
      if (key.toLowerCase(Locale.ROOT).endsWith("password")) {
        throw new ConvergeException(ErrorCode.CONFIGURATION, file + ": key " + key + " would put a secret in a file"
            + " converge reads as plain configuration; use " + key + "-file or the environment variable instead");
      }
      if (value.isObject()) {
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
