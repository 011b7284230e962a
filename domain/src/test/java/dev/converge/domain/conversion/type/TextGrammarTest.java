package dev.converge.domain.conversion.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.domain.schema.TargetColumn;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each type's grammar for a CSV field's text, checked before COPY sees it. */
class TextGrammarTest {

  private static Optional<String> check(String type, Integer length, boolean nullable, String value) {
    TargetColumn column = new TargetColumn("c", 1, type, type, length, null, null, nullable, false, false, null, false,
        type.equals("mood") ? List.of("happy", "sad") : List.of(), false);
    return TargetType.of(column).violation(value);
  }

  @ParameterizedTest(name = "{0} accepts {1}")
  @CsvSource(delimiter = '|', value = {
    "bool|true", "bool|false", "int2|-32768", "int4|2147483647", "int8|0", "numeric|-12.50", "float8|1e300",
    "uuid|0f8fad5b-d9cb-469f-a165-70867728950e", "json|{\"a\": \"\\u0000\"}", "jsonb|[1, 2]",
    "timestamptz|2024-02-29T23:59:59.999999Z", "timestamp|2024-01-15T10:30:00.000000Z", "date|2024-01-15",
    "time|24:00:00.000000", "bytea|\\x00ff", "bytea|\\x", "text|anything \\N", "mood|happy"})
  void whatTheExportWritesHolds(String type, String value) {
    assertEquals(Optional.empty(), check(type, null, false, value));
  }

  @ParameterizedTest(name = "{0} refuses {1}")
  @CsvSource(delimiter = '|', value = {
    "bool|1", "bool|t", "int2|32768", "int4|1.0", "int8|9223372036854775808", "numeric|12,5",
    "uuid|0F8FAD5B-D9CB-469F-A165-70867728950E", "uuid|not-a-uuid", "json|{broken", "jsonb|{\"a\": \"\\u0000\"}",
    "timestamptz|2024-01-15 10:30:00", "timestamptz|2024-02-30T00:00:00.000000Z", "timestamp|0000-01-01T00:00:00.000000Z",
    "date|2024-13-01", "time|25:00:00.000000", "bytea|00ff", "bytea|\\x0", "mood|Happy"})
  void aDamagedOrForeignValueIsNamed(String type, String value) {
    assertTrue(check(type, null, false, value).isPresent(), type + " " + value);
  }

  @ParameterizedTest
  @CsvSource({"varchar,3,abc,true", "varchar,3,abcd,false", "varchar,3,👋👋👋,true"})
  void lengthsCountCharacters(String type, int length, String value, boolean holds) {
    assertEquals(holds, check(type, length, false, value).isEmpty());
  }

  @ParameterizedTest
  @CsvSource({"text,true", "text,false"})
  void nullIsOnlyForNullableColumns(String type, boolean nullable) {
    assertEquals(nullable, check(type, null, nullable, null).isEmpty());
  }
}
