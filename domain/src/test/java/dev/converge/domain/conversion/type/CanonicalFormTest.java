package dev.converge.domain.conversion.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.converge.domain.schema.TargetColumn;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** converge's CSV text and PostgreSQL's output text of the same value have one canonical form. */
/** Each type's canonical form, the one text a value is hashed in from the CSV file and from PostgreSQL. */
class CanonicalFormTest {

  private static UnaryOperator<String> form(String type) {
    return TargetType.of(new TargetColumn("c", 1, type, type, null, null, null, true, false, false, null, false,
        List.of(), false))::canonical;
  }

  @ParameterizedTest(name = "{0}: {1} ~ {2}")
  @CsvSource(delimiter = '|', value = {
    "bool|true|t",
    "bool|false|f",
    "numeric|12.50|12.5",
    "numeric|0.000|0",
    "numeric|-1E+3|-1000",
    "float4|3.4028235E38|3.4028235e+38",
    "float8|0.1|0.1",
    "uuid|0f8fad5b-d9cb-469f-a165-70867728950e|0F8FAD5B-D9CB-469F-A165-70867728950E",
    "bytea|\\x00ff|\\x00FF",
    "bpchar|ab|'ab   '",
    "timestamptz|2024-01-15T10:30:00.123456Z|2024-01-15 10:30:00.123456+00",
    "timestamptz|2024-01-15T10:30:00.000000Z|2024-01-15 10:30:00+00",
    "timestamp|2024-01-15T10:30:00.100000Z|2024-01-15 10:30:00.1",
    "time|10:30:00.000000|10:30:00",
    "jsonb|'{\"b\": 1.50, \"a\": [1, 2]}'|'{\"a\": [1, 2], \"b\": 1.5}'",
  })
  void csvTextAndPostgresTextAgree(String type, String csv, String postgres) {
    assertEquals(form(type).apply(csv), form(type).apply(postgres));
  }

  @ParameterizedTest
  @CsvSource({"text", "jsonb", "timestamptz", "bool", "numeric"})
  void nullStaysNull(String type) {
    assertNull(form(type).apply(null));
  }
}
