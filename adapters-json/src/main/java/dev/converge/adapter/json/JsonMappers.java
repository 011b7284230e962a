package dev.converge.adapter.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.converge.adapter.workdir.WorkFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one JSON configuration of converge's documents — the work directory's files and every
 * {@code --output json}: indented, instants as ISO-8601 UTC text, durations as seconds (a number,
 * milliseconds as decimals), an empty {@code Optional} as null — readable by an operator and by {@code jq} alike, without the jsr310
 * module on the classpath.
 */
final class JsonMappers {

  private JsonMappers() {}

  static ObjectMapper create() {
    SimpleModule time = new SimpleModule("converge-time");
    time.addSerializer(Instant.class, new JsonSerializer<>() {
      @Override
      public void serialize(Instant value, JsonGenerator out, SerializerProvider serializers) throws IOException {
        out.writeString(value.toString());
      }
    });
    time.addDeserializer(Instant.class, new JsonDeserializer<>() {
      @Override
      public Instant deserialize(JsonParser in, DeserializationContext context) throws IOException {
        return Instant.parse(in.getValueAsString());
      }
    });
    time.addSerializer(Duration.class, new JsonSerializer<>() {
      @Override
      public void serialize(Duration value, JsonGenerator out, SerializerProvider serializers) throws IOException {
        out.writeNumber(java.math.BigDecimal.valueOf(value.toMillis(), 3));
      }
    });
    // A report's optional fact (an export kept although stale) is its value or null, as jq expects.
    time.addSerializer(new StdSerializer<Optional<?>>(Optional.class, false) {
      @Override
      public void serialize(Optional<?> value, JsonGenerator out, SerializerProvider serializers) throws IOException {
        serializers.defaultSerializeValue(value.orElse(null), out);
      }
    });
    return new ObjectMapper().registerModule(time).enable(SerializationFeature.INDENT_OUTPUT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /**
   * Writes {@code value} as {@code directory/fileName} through a {@code .partial} file moved into
   * place atomically: a reader, or a process killed mid-write, never sees half a file.
   */
  static void writeAtomically(ObjectMapper json, Path directory, String fileName, Object value) throws IOException {
    WorkFiles.replace(directory, fileName, json.writeValueAsBytes(value));
  }
}
