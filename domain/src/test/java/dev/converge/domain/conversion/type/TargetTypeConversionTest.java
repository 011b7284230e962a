package dev.converge.domain.conversion.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.TargetFamily;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.ValuePolicies.BooleanPolicy;
import dev.converge.domain.conversion.ValuePolicies.InvalidUuidPolicy;
import dev.converge.domain.conversion.ValuePolicies.NulBytePolicy;
import dev.converge.domain.conversion.ValuePolicies.OverlongPolicy;
import dev.converge.domain.conversion.ValuePolicies.ZeroDatePolicy;
import dev.converge.domain.conversion.ValueRejectedException;
import dev.converge.domain.schema.TargetColumn;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Each target type's conversion from each source family it accepts. */
class TargetTypeConversionTest {

  private static final ValuePolicies STRICT = ValuePolicies.STRICT;
  private static final ValuePolicies LENIENT = new ValuePolicies(BooleanPolicy.NONZERO_IS_TRUE, ZeroDatePolicy.NULL,
      NulBytePolicy.STRIP, OverlongPolicy.TRUNCATE, InvalidUuidPolicy.NULL);

  private static TargetColumn column(String type, Integer length, Integer precision, Integer scale, boolean nullable,
      List<String> labels) {
    return new TargetColumn("c", 1, type, type, length, precision, scale, nullable, false, false, null, false, labels, false);
  }

  private static TargetColumn column(String type, boolean nullable) {
    return column(type, null, null, null, nullable, List.of());
  }

  private static String convert(ConversionKind kind, TargetColumn target, ValuePolicies policies, Object value) {
    return TargetType.of(target).codec(kind, policies).convert(value).text();
  }

  private static String rejection(ConversionKind kind, TargetColumn target, ValuePolicies policies, Object value) {
    return assertThrows(ValueRejectedException.class, () -> convert(kind, target, policies, value)).rule();
  }

  static Stream<TypeMappingRules.Rule> rules() {
    return TypeMappingRules.rules().stream();
  }

  @ParameterizedTest
  @MethodSource("rules")
  void nullStaysNullForEveryConversion(TypeMappingRules.Rule rule) {
    TargetColumn target = column(rule.target() == TargetFamily.ENUM ? "mood"
        : rule.target().typeNames().iterator().next(), null, null, null, true,
        rule.target() == TargetFamily.ENUM ? List.of("a") : List.of());
    assertEquals(ColumnCodec.Converted.NULL, TargetType.of(target).codec(rule.conversion(), STRICT).convert(null));
  }

  @ParameterizedTest
  @EnumSource(ConversionKind.class)
  void everyConversionBelongsToATargetType(ConversionKind kind) {
    assertTrue(TypeMappingRules.rules().stream().anyMatch(rule -> rule.conversion() == kind), kind.name());
  }

  @Test
  void integersAreCheckedAgainstTheTargetTypesRange() {
    assertEquals("32767", convert(ConversionKind.INTEGER_TO_INTEGER, column("int2", false), STRICT, "32767"));
    assertTrue(rejection(ConversionKind.INTEGER_TO_INTEGER, column("int2", false), STRICT, "32768").contains("-32768..32767"));
    assertEquals("-2147483648", convert(ConversionKind.INTEGER_TO_INTEGER, column("int4", false), STRICT, "-2147483648"));
    assertEquals("9223372036854775807", convert(ConversionKind.INTEGER_TO_INTEGER, column("int8", false), STRICT,
        "9223372036854775807"));
    rejection(ConversionKind.INTEGER_TO_INTEGER, column("int8", false), STRICT, "18446744073709551615");
  }

  @Test
  void booleansAreZeroOrOneUnlessThePolicyMapsOtherValuesToTrue() {
    assertEquals("false", convert(ConversionKind.INTEGER_TO_BOOLEAN, column("bool", false), STRICT, "0"));
    assertEquals("true", convert(ConversionKind.INTEGER_TO_BOOLEAN, column("bool", false), STRICT, "1"));
    assertTrue(rejection(ConversionKind.INTEGER_TO_BOOLEAN, column("bool", false), STRICT, "2").contains("0 or 1"));
    assertEquals("true", convert(ConversionKind.INTEGER_TO_BOOLEAN, column("bool", false), LENIENT, "2"));
    assertEquals("true", convert(ConversionKind.BIT_TO_BOOLEAN, column("bool", false), LENIENT, "1"));
    rejection(ConversionKind.BIT_TO_BOOLEAN, column("bool", false), LENIENT, "3");
  }

  @Test
  void decimalsAreNeverRounded() {
    TargetColumn money = column("numeric", null, 10, 2, false, List.of());
    assertEquals("12.50", convert(ConversionKind.DECIMAL_TO_NUMERIC, money, STRICT, "12.50"));
    assertEquals("12.500", convert(ConversionKind.DECIMAL_TO_NUMERIC, money, STRICT, "12.500"), "only zeros beyond the scale");
    assertTrue(rejection(ConversionKind.DECIMAL_TO_NUMERIC, money, STRICT, "12.505").contains("round"));
    assertTrue(rejection(ConversionKind.DECIMAL_TO_NUMERIC, money, STRICT, "123456789.00").contains("integer digits"));
    assertEquals("-99999999.99", convert(ConversionKind.DECIMAL_TO_NUMERIC, money, STRICT, "-99999999.99"));
    assertEquals("123456789012345678901234567890.123", convert(ConversionKind.DECIMAL_TO_NUMERIC, column("numeric", false),
        STRICT, "123456789012345678901234567890.123"), "unconstrained numeric takes anything");
    assertEquals("42", convert(ConversionKind.INTEGER_TO_NUMERIC, money, STRICT, "42"));
  }

  @Test
  void floatsKeepTheirShortestText() {
    assertEquals("3.4028235E38", convert(ConversionKind.FLOAT_TO_FLOAT, column("float4", false), STRICT, "3.4028235E38"));
    assertEquals("-0.1", convert(ConversionKind.FLOAT_TO_FLOAT, column("float8", false), STRICT, "-0.1"));
    rejection(ConversionKind.FLOAT_TO_FLOAT, column("float8", false), STRICT, "abc");
  }

  @Test
  void textIsKeptExactlyIncludingLineBreaksQuotesAndFourByteCharacters() {
    String tricky = "line\nfeed\r\ncrlf \"quoted\", comma \\backslash 👋 東京 \\N";
    assertEquals(tricky, convert(ConversionKind.TEXT_TO_TEXT, column("text", false), STRICT, tricky));
    assertEquals("", convert(ConversionKind.TEXT_TO_TEXT, column("text", false), STRICT, ""), "empty is not NULL");
  }

  @Test
  void textLongerThanTheTargetIsRejectedCountingCharactersNotBytes() {
    TargetColumn five = column("varchar", 5, null, null, false, List.of());
    assertEquals("👋👋👋👋👋", convert(ConversionKind.TEXT_TO_TEXT, five, STRICT, "👋👋👋👋👋"));
    assertTrue(rejection(ConversionKind.TEXT_TO_TEXT, five, STRICT, "abcdef").startsWith("6 characters"));
    assertEquals("👋👋👋👋👋", convert(ConversionKind.TEXT_TO_TEXT, five, LENIENT, "👋👋👋👋👋👋"), "truncate by code point");
  }

  @Test
  void aNulCharacterIsRejectedOrStrippedByPolicy() {
    assertTrue(rejection(ConversionKind.TEXT_TO_TEXT, column("text", false), STRICT, "a\0b").contains("NUL"));
    assertEquals("ab", convert(ConversionKind.TEXT_TO_TEXT, column("text", false), LENIENT, "a\0b"));
  }

  @Test
  void uuidsAreLowerCasedAndInvalidOnesRejectedOrNulledByPolicy() {
    assertEquals("0f8fad5b-d9cb-469f-a165-70867728950e",
        convert(ConversionKind.TEXT_TO_UUID, column("uuid", false), STRICT, "0F8FAD5B-D9CB-469F-A165-70867728950E"));
    assertTrue(rejection(ConversionKind.TEXT_TO_UUID, column("uuid", true), STRICT, "not-a-uuid").contains("invalid-uuids"));
    assertNull(convert(ConversionKind.TEXT_TO_UUID, column("uuid", true), LENIENT, "not-a-uuid"));
    rejection(ConversionKind.TEXT_TO_UUID, column("uuid", false), LENIENT, "not-a-uuid");
    rejection(ConversionKind.TEXT_TO_UUID, column("uuid", false), STRICT, "{0f8fad5b-d9cb-469f-a165-70867728950e}");
    rejection(ConversionKind.TEXT_TO_UUID, column("uuid", false), STRICT, "0f8fad5b-d9cb-469f-a165-70867728950g");
  }

  @Test
  void jsonIsValidatedAndKeptExactly() {
    String document = "{\"b\": [1, 2.50, \"x\\ny\"], \"a\": {\"q\": \"say \\\"hi\\\"\"}}";
    assertEquals(document, convert(ConversionKind.JSON_TO_JSON, column("jsonb", false), STRICT, document));
    assertTrue(rejection(ConversionKind.TEXT_TO_JSON, column("json", false), STRICT, "{broken").startsWith("invalid JSON"));
    String nul = "{\"a\": \"x\\u0000y\"}";
    assertEquals(nul, convert(ConversionKind.JSON_TO_JSON, column("json", false), STRICT, nul), "json keeps the escape");
    assertTrue(rejection(ConversionKind.JSON_TO_JSON, column("jsonb", false), STRICT, nul).contains("\\u0000"));
    assertEquals("{\"a\": \"xy\"}", convert(ConversionKind.JSON_TO_JSON, column("jsonb", false), LENIENT, nul));
    assertEquals("{\"a\": \"\\\\u0000\"}", convert(ConversionKind.JSON_TO_JSON, column("jsonb", false), STRICT,
        "{\"a\": \"\\\\u0000\"}"), "an escaped backslash before u0000 is plain text");
  }

  @Test
  void enumLabelsMustExistInTheTargetCaseSensitively() {
    TargetColumn mood = column("mood", null, null, null, false, List.of("happy", "sad"));
    assertEquals("happy", convert(ConversionKind.ENUM_TO_ENUM, mood, STRICT, "happy"));
    rejection(ConversionKind.ENUM_TO_ENUM, mood, STRICT, "Happy");
    rejection(ConversionKind.ENUM_TO_ENUM, mood, STRICT, "");
    assertEquals("a,b", convert(ConversionKind.ENUM_TO_TEXT, column("text", false), STRICT, "a,b"));
  }

  @Test
  void datetimesBecomeIsoUtcWithMicroseconds() {
    TargetColumn timestamptz = column("timestamptz", false);
    assertEquals("2024-01-15T10:30:00.123456Z",
        convert(ConversionKind.DATETIME_TO_TIMESTAMPTZ, timestamptz, STRICT, "2024-01-15 10:30:00.123456"));
    assertEquals("2024-01-15T10:30:00.000000Z",
        convert(ConversionKind.DATETIME_TO_TIMESTAMP, column("timestamp", false), STRICT, "2024-01-15 10:30:00"));
    assertEquals("2024-01-15T10:30:00.100000Z",
        convert(ConversionKind.DATETIME_TO_TIMESTAMP, column("timestamp", false), STRICT, "2024-01-15 10:30:00.1"));
    assertTrue(rejection(ConversionKind.DATETIME_TO_TIMESTAMP, column("timestamp", true), STRICT, "0000-00-00 00:00:00")
        .contains("zero date"));
    assertNull(convert(ConversionKind.DATETIME_TO_TIMESTAMP, column("timestamp", true), LENIENT, "0000-00-00 00:00:00"));
    rejection(ConversionKind.DATETIME_TO_TIMESTAMP, column("timestamp", false), LENIENT, "0000-00-00 00:00:00");
    assertTrue(rejection(ConversionKind.DATETIME_TO_TIMESTAMP, column("timestamp", false), STRICT, "2024-02-30 00:00:00")
        .contains("calendar"));
  }

  @Test
  void fractionalSecondsTheTargetWouldRoundAreRejected() {
    TargetColumn seconds = column("timestamp", null, 0, null, false, List.of());
    assertEquals("2024-01-15T10:30:00.000000Z",
        convert(ConversionKind.DATETIME_TO_TIMESTAMP, seconds, STRICT, "2024-01-15 10:30:00.000000"));
    assertTrue(rejection(ConversionKind.DATETIME_TO_TIMESTAMP, seconds, STRICT, "2024-01-15 10:30:00.654321")
        .contains("fractional digits"));
    TargetColumn millis = column("time", null, 3, null, false, List.of());
    assertEquals("10:00:00.123000", convert(ConversionKind.TIME_TO_TIME, millis, STRICT, "10:00:00.123000"));
    rejection(ConversionKind.TIME_TO_TIME, millis, STRICT, "10:00:00.123400");
  }

  @Test
  void datesTimesAndYearsFollowTheSameRules() {
    assertEquals("2024-02-29", convert(ConversionKind.DATE_TO_DATE, column("date", false), STRICT, "2024-02-29"));
    rejection(ConversionKind.DATE_TO_DATE, column("date", false), STRICT, "2024-00-10");
    assertEquals("23:59:59.500000", convert(ConversionKind.TIME_TO_TIME, column("time", false), STRICT, "23:59:59.5"));
    assertEquals("24:00:00.000000", convert(ConversionKind.TIME_TO_TIME, column("time", false), STRICT, "24:00:00"));
    rejection(ConversionKind.TIME_TO_TIME, column("time", false), STRICT, "838:59:59");
    rejection(ConversionKind.TIME_TO_TIME, column("time", false), STRICT, "-01:00:00");
    rejection(ConversionKind.TIME_TO_TIME, column("time", false), STRICT, "24:00:01");
    assertEquals("2024", convert(ConversionKind.YEAR_TO_INTEGER, column("int2", false), STRICT, "2024"));
    rejection(ConversionKind.YEAR_TO_INTEGER, column("int2", false), STRICT, "0000");
  }

  @Test
  void bytesBecomeHexAndSixteenOfThemCanBeAUuid() {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    String hex = convert(ConversionKind.BINARY_TO_BYTEA, column("bytea", false), STRICT, all);
    assertTrue(hex.startsWith("\\x000102") && hex.endsWith("fdfeff") && hex.length() == 2 + 512, hex);
    byte[] uuid = {0x0f, (byte) 0x8f, (byte) 0xad, 0x5b, (byte) 0xd9, (byte) 0xcb, 0x46, (byte) 0x9f, (byte) 0xa1, 0x65,
        0x70, (byte) 0x86, 0x77, 0x28, (byte) 0x95, 0x0e};
    assertEquals("0f8fad5b-d9cb-469f-a165-70867728950e", convert(ConversionKind.BINARY_TO_UUID, column("uuid", false), STRICT, uuid));
    rejection(ConversionKind.BINARY_TO_UUID, column("uuid", false), STRICT, new byte[15]);
  }
}
