package dev.converge.domain.conversion.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.SourceFamily;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.type.ColumnCodec.Converted;
import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.TargetColumn;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each target type answers beyond conversion: its class, ranges, refusals, validation and canonical form. */
class TargetTypeTest {

  private static TargetColumn column(String type, Integer precision, Integer scale, List<String> labels) {
    return new TargetColumn("c", 1, type, type, null, precision, scale, true, false, false, null, false, labels, false);
  }

  private static TargetColumn column(String type) {
    return column(type, null, null, List.of());
  }

  private static SourceColumn source(String dataType, String columnType, Long maxLength, Integer precision,
      List<String> labels) {
    return new SourceColumn("s", 1, dataType, columnType, true, maxLength, precision, null, null, false, false, false,
        null, labels);
  }

  @ParameterizedTest(name = "{0} is a {1}")
  @CsvSource({
    "bool, BooleanType", "int2, IntegerType", "int4, IntegerType", "int8, IntegerType", "numeric, NumericType",
    "float4, FloatType", "float8, FloatType", "text, TextType", "varchar, TextType", "bpchar, TextType",
    "citext, TextType", "uuid, UuidType", "json, JsonType", "jsonb, JsonType", "timestamp, TimestampType",
    "timestamptz, TimestampType", "date, DateType", "time, TimeType", "bytea, ByteaType"})
  void aColumnsTypeNamePicksOneClass(String typeName, String className) {
    assertEquals(className, TargetType.of(column(typeName)).getClass().getSimpleName());
  }

  @Test
  void anEnumColumnIsAnEnumTypeAndAnArrayIsNotSupported() {
    assertInstanceOf(EnumType.class, TargetType.of(column("mood", null, null, List.of("happy"))));
    TargetColumn array = new TargetColumn("c", 1, "int4", "integer[]", null, null, null, true, false, false, null, true,
        List.of(), false);
    assertEquals(Optional.empty(), TargetType.find(array));
    assertThrows(IllegalArgumentException.class, () -> TargetType.of(array));
  }

  @ParameterizedTest(name = "{0}: {1}..{2}")
  @CsvSource({"int2, -32768, 32767", "int4, -2147483648, 2147483647",
      "int8, -9223372036854775808, 9223372036854775807"})
  void integerRangesAreTheTypes(String typeName, String min, String max) {
    IntegerType type = (IntegerType) TargetType.of(column(typeName));
    assertEquals(new BigInteger(min), type.min());
    assertEquals(new BigInteger(max), type.max());
    assertEquals(Optional.empty(), type.violation(max));
    assertTrue(type.violation(new BigInteger(max).add(BigInteger.ONE).toString()).isPresent());
    assertTrue(type.violation(new BigInteger(min).subtract(BigInteger.ONE).toString()).isPresent());
  }

  @Test
  void yearBecomesSmallintOrIntegerButNotBigint() {
    assertEquals(Optional.of(ConversionKind.YEAR_TO_INTEGER), TargetType.of(column("int2")).conversionFrom(SourceFamily.YEAR));
    assertEquals(Optional.empty(), TargetType.of(column("int8")).conversionFrom(SourceFamily.YEAR));
    assertEquals(Optional.empty(), TargetType.of(column("float4")).conversionFrom(SourceFamily.DOUBLE),
        "double → real would lose precision");
  }

  @Test
  void aTypeRefusesTheSourceColumnsItsFamilyAcceptsButItCannotHold() {
    assertEquals(Optional.of("incompatible types: bit(8) holds 8 bits, boolean holds one"),
        TargetType.of(column("bool")).refusal(source("bit", "bit(8)", null, 8, List.of()), ConversionKind.BIT_TO_BOOLEAN));
    assertEquals(Optional.empty(),
        TargetType.of(column("bool")).refusal(source("bit", "bit(1)", null, 1, List.of()), ConversionKind.BIT_TO_BOOLEAN));
    assertEquals(Optional.of("incompatible types: only binary(16) can become uuid, not binary(15)"),
        TargetType.of(column("uuid")).refusal(source("binary", "binary(15)", 15L, null, List.of()),
            ConversionKind.BINARY_TO_UUID));
    assertEquals(Optional.of("the target enum mood lacks the source labels [meh]"),
        TargetType.of(column("mood", null, null, List.of("happy"))).refusal(
            source("enum", "enum('happy','meh')", null, null, List.of("happy", "meh")), ConversionKind.ENUM_TO_ENUM));
  }

  @Test
  void uuidAndCitextFoldCaseOtherTextDoesNot() {
    assertTrue(TargetType.of(column("uuid")).foldsCase());
    assertTrue(TargetType.of(column("citext")).foldsCase());
    assertFalse(TargetType.of(column("varchar")).foldsCase());
  }

  @Test
  void aTypeRefusesAConversionThatProducesAnotherType() {
    assertThrows(IllegalArgumentException.class,
        () -> TargetType.of(column("int4")).codec(ConversionKind.TEXT_TO_UUID, ValuePolicies.STRICT));
  }

  @Test
  void theJsonbCodecHandsBackTheCanonicalFormOfItsOwnParse() {
    Converted converted = TargetType.of(column("jsonb")).codec(ConversionKind.JSON_TO_JSON, ValuePolicies.STRICT)
        .convert("{\"b\": 1.50, \"a\": [1, 2]}");
    assertEquals("{\"b\": 1.50, \"a\": [1, 2]}", converted.text());
    assertEquals("{\"a\":[1,2],\"b\":1.5}", converted.canonical());
    Converted json = TargetType.of(column("json")).codec(ConversionKind.JSON_TO_JSON, ValuePolicies.STRICT)
        .convert("{\"b\": 1}");
    assertEquals(json.text(), json.canonical(), "json keeps the text, so it hashes the text");
  }

  @Test
  void theBooleanCodecWritesTrueAndHashesT() {
    Converted converted = TargetType.of(column("bool")).codec(ConversionKind.INTEGER_TO_BOOLEAN, ValuePolicies.STRICT)
        .convert("1");
    assertEquals(new Converted("true", "t"), converted);
    assertEquals("t", TargetType.of(column("bool")).canonical("t"));
  }

  @ParameterizedTest(name = "numeric({1},{2}) {3} {0}")
  @CsvSource({
    "0, 2, 2, holds", "0.00, 2, 2, holds", "0.99, 2, 2, holds", "1.00, 2, 2, refuses", "12.345, 10, 2, refuses",
    "12.340, 10, 2, holds", "99999999.99, 10, 2, holds", "100000000, 10, 2, refuses"})
  void numericPrecisionIsOneRuleForConversionAndValidation(String value, int precision, int scale, String verdict) {
    TargetType type = TargetType.of(column("numeric", precision, scale, List.of()));
    boolean holds = verdict.equals("holds");
    assertEquals(holds, type.violation(value).isEmpty(), "validation of " + value);
    boolean converted;
    try {
      type.codec(ConversionKind.DECIMAL_TO_NUMERIC, ValuePolicies.STRICT).convert(value);
      converted = true;
    } catch (dev.converge.domain.conversion.ValueRejectedException e) {
      converted = false;
    }
    assertEquals(holds, converted, "conversion of " + value);
  }

  @Test
  void validationRefusesFractionsATimePrecisionWouldRound() {
    TargetType seconds = TargetType.of(column("timestamptz", 0, null, List.of()));
    assertEquals(Optional.empty(), seconds.violation("2024-01-15T10:30:00.000000Z"));
    assertEquals(Optional.of("more fractional digits than timestamptz keeps"), seconds.violation("2024-01-15T10:30:00.500000Z"));
    TargetType millis = TargetType.of(column("time", 3, null, List.of()));
    assertEquals(Optional.empty(), millis.violation("10:30:00.123000"));
    assertTrue(millis.violation("10:30:00.123400").isPresent());
  }

  @Test
  void aJsonColumnFedFromMySqlJsonCarriesTheKeyOrderCaveatAndJsonbDoesNot() {
    assertTrue(TargetType.of(column("json")).caveat(ConversionKind.JSON_TO_JSON).orElseThrow().contains("key order"));
    assertTrue(TargetType.of(column("jsonb")).caveat(ConversionKind.JSON_TO_JSON).isEmpty());
    assertTrue(TargetType.of(column("json")).caveat(ConversionKind.TEXT_TO_JSON).isEmpty(), "text keeps its order");
  }
}
