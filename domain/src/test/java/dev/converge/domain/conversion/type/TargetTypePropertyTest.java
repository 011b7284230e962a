package dev.converge.domain.conversion.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.ValueRejectedException;
import dev.converge.domain.conversion.type.ColumnCodec.Converted;
import dev.converge.domain.schema.TargetColumn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * For random values of every target family: (a) what the conversion writes passes the type's own
 * validation grammar; (b) the canonical form the conversion returns equals the canonical form of
 * the text PostgreSQL prints for the same value; (c) a value outside the type's range or length is
 * rejected by the conversion exactly when validation refuses its text.
 */
class TargetTypePropertyTest {

  private static final int TRIES = 200;
  private static final ValuePolicies STRICT = ValuePolicies.STRICT;

  private static TargetColumn column(String type, Integer length, Integer precision, Integer scale, List<String> labels) {
    return new TargetColumn("c", 1, type, type + (length != null ? "(" + length + ")" : ""), length, precision, scale,
        false, false, false, null, false, labels, false);
  }

  private static TargetColumn column(String type) {
    return column(type, null, null, null, List.of());
  }

  /** Converts, then checks (a) and (b) against PostgreSQL's rendering of the same value. */
  private static void convertsAsPostgresPrints(TargetColumn target, ConversionKind kind, Object source,
      String postgresText) {
    TargetType type = TargetType.of(target);
    Converted converted = type.codec(kind, STRICT).convert(source);
    assertEquals(Optional.empty(), type.violation(converted.text()), "validation refuses " + converted.text());
    assertEquals(type.canonical(converted.text()), converted.canonical(), "the codec's canonical form is the text's");
    assertEquals(type.canonical(postgresText), converted.canonical(), "PostgreSQL prints " + postgresText);
  }

  /** (c): the conversion rejects the source value exactly when validation refuses the text it stands for. */
  private static void sameVerdict(TargetColumn target, ConversionKind kind, Object source, String csvText) {
    TargetType type = TargetType.of(target);
    boolean rejected;
    try {
      Converted converted = type.codec(kind, STRICT).convert(source);
      rejected = false;
      assertEquals(Optional.empty(), type.violation(converted.text()));
    } catch (ValueRejectedException e) {
      rejected = true;
    }
    assertEquals(rejected, type.violation(csvText).isPresent(), "conversion and validation disagree on " + csvText);
  }

  // --- boolean ---------------------------------------------------------------------------------

  @Property(tries = TRIES)
  void booleansFromIntegers(@ForAll @IntRange(min = -3, max = 3) int value) {
    TargetColumn target = column("bool");
    if (value == 0 || value == 1) {
      convertsAsPostgresPrints(target, ConversionKind.INTEGER_TO_BOOLEAN, Integer.toString(value), value == 1 ? "t" : "f");
    } else {
      assertRejected(target, ConversionKind.INTEGER_TO_BOOLEAN, Integer.toString(value));
      assertTrue(TargetType.of(target).violation(Integer.toString(value)).isPresent());
    }
  }

  // --- smallint, integer, bigint ---------------------------------------------------------------

  @Property(tries = TRIES)
  void integersInEveryWidth(@ForAll("integers") long value) {
    for (String width : List.of("int2", "int4", "int8")) {
      IntegerType type = (IntegerType) TargetType.of(column(width));
      BigInteger big = BigInteger.valueOf(value);
      if (big.compareTo(type.min()) >= 0 && big.compareTo(type.max()) <= 0) {
        convertsAsPostgresPrints(column(width), ConversionKind.INTEGER_TO_INTEGER, Long.toString(value), Long.toString(value));
      }
      sameVerdict(column(width), ConversionKind.INTEGER_TO_INTEGER, Long.toString(value), Long.toString(value));
    }
  }

  @Provide
  Arbitrary<Long> integers() {
    return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-70_000, 70_000),
        Arbitraries.of(-32_769L, -32_768L, 32_767L, 32_768L, (long) Integer.MIN_VALUE - 1, (long) Integer.MAX_VALUE + 1,
            Long.MIN_VALUE, Long.MAX_VALUE));
  }

  // --- numeric ---------------------------------------------------------------------------------

  @Property(tries = TRIES)
  void numericsWithAndWithoutPrecision(@ForAll @LongRange(min = -999_999_999_999L, max = 999_999_999_999L) long unscaled,
      @ForAll @IntRange(min = 0, max = 8) int scale, @ForAll @IntRange(min = 1, max = 12) int precision,
      @ForAll @IntRange(min = 0, max = 6) int targetScale) {
    BigDecimal value = BigDecimal.valueOf(unscaled, scale);
    String mysql = value.toPlainString();
    // numeric without a typmod prints the value as stored.
    convertsAsPostgresPrints(column("numeric"), ConversionKind.DECIMAL_TO_NUMERIC, mysql, mysql);
    int s = Math.min(targetScale, precision);
    TargetColumn bounded = column("numeric", null, precision, s, List.of());
    // PostgreSQL's rule: rounded to s places, at most p - s digits before the point; exact only if rounding changed nothing.
    BigDecimal rounded = value.setScale(s, java.math.RoundingMode.HALF_UP);
    boolean fits = rounded.compareTo(value) == 0 && rounded.precision() - rounded.scale() <= precision - s;
    if (fits) {
      // numeric(p,s) prints exactly s decimal places.
      convertsAsPostgresPrints(bounded, ConversionKind.DECIMAL_TO_NUMERIC, mysql, rounded.toPlainString());
    } else {
      assertRejected(bounded, ConversionKind.DECIMAL_TO_NUMERIC, mysql);
    }
    sameVerdict(bounded, ConversionKind.DECIMAL_TO_NUMERIC, mysql, mysql);
  }

  // --- real, double precision ------------------------------------------------------------------

  @Property(tries = TRIES)
  void doubles(@ForAll double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      assertRejected(column("float8"), ConversionKind.FLOAT_TO_FLOAT, Double.toString(value));
      return;
    }
    // MySQL and PostgreSQL both print the shortest text that reads back as the value; the spelling differs.
    String mysql = Double.toString(value);
    String postgres = value == 0 ? (1 / value < 0 ? "-0" : "0") : BigDecimal.valueOf(value).toString().toLowerCase(Locale.ROOT);
    convertsAsPostgresPrints(column("float8"), ConversionKind.FLOAT_TO_FLOAT, mysql, postgres);
  }

  @Property(tries = TRIES)
  void reals(@ForAll float value) {
    if (Float.isNaN(value) || Float.isInfinite(value)) {
      return;
    }
    String mysql = Float.toString(value);
    String postgres = new BigDecimal(Float.toString(value)).toString().toLowerCase(Locale.ROOT);
    convertsAsPostgresPrints(column("float4"), ConversionKind.FLOAT_TO_FLOAT, mysql, postgres);
  }

  // --- text, varchar(n), char(n) ---------------------------------------------------------------

  @Property(tries = TRIES)
  void texts(@ForAll("unicode") String value, @ForAll @IntRange(min = 1, max = 12) int length) {
    convertsAsPostgresPrintsOrRejects(column("text"), value, value);
    TargetColumn varchar = column("varchar", length, null, null, List.of());
    convertsAsPostgresPrintsOrRejects(varchar, value, value);
    sameVerdict(varchar, ConversionKind.TEXT_TO_TEXT, value, value);
    TargetColumn bpchar = column("bpchar", length, null, null, List.of());
    int codePoints = value.codePointCount(0, value.length());
    // char(n) comes back padded with spaces to n characters.
    convertsAsPostgresPrintsOrRejects(bpchar, value, value + " ".repeat(Math.max(0, length - codePoints)));
    sameVerdict(bpchar, ConversionKind.TEXT_TO_TEXT, value, value);
  }

  private static void convertsAsPostgresPrintsOrRejects(TargetColumn target, String value, String postgres) {
    boolean fits = value.indexOf('\0') < 0
        && (target.length() == null || value.codePointCount(0, value.length()) <= target.length());
    if (fits) {
      convertsAsPostgresPrints(target, ConversionKind.TEXT_TO_TEXT, value, postgres);
    } else {
      assertRejected(target, ConversionKind.TEXT_TO_TEXT, value);
    }
  }

  @Provide
  Arbitrary<String> unicode() {
    // 4-byte characters, combining marks, control characters (NUL included), spaces at the end.
    Arbitrary<Character> ascii = Arbitraries.chars().range(' ', '~');
    Arbitrary<Character> controls = Arbitraries.chars().range('\0', '\u001f');
    Arbitrary<Character> combining = Arbitraries.chars().range('\u0300', '\u036f');
    Arbitrary<Character> latin = Arbitraries.chars().range('\u00a0', '\u024f');
    Arbitrary<String> single = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, ascii.map(String::valueOf)), net.jqwik.api.Tuple.of(1, controls.map(String::valueOf)),
        net.jqwik.api.Tuple.of(2, combining.map(String::valueOf)), net.jqwik.api.Tuple.of(2, latin.map(String::valueOf)),
        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x1F300, 0x1FAFF).map(cp -> new String(Character.toChars(cp)))));
    return single.list().ofMaxSize(16).map(parts -> String.join("", parts));
  }

  // --- uuid ------------------------------------------------------------------------------------

  @Property(tries = TRIES)
  void uuidsFromTextInEitherCase(@ForAll long high, @ForAll long low, @ForAll boolean upper) {
    UUID uuid = new UUID(high, low);
    String mysql = upper ? uuid.toString().toUpperCase(Locale.ROOT) : uuid.toString();
    convertsAsPostgresPrints(column("uuid"), ConversionKind.TEXT_TO_UUID, mysql, uuid.toString());
  }

  @Property(tries = TRIES)
  void uuidsFromSixteenBytes(@ForAll byte[] bytes) {
    if (bytes.length != 16) {
      assertRejected(column("uuid"), ConversionKind.BINARY_TO_UUID, bytes);
      return;
    }
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
    convertsAsPostgresPrints(column("uuid"), ConversionKind.BINARY_TO_UUID, bytes,
        new UUID(buffer.getLong(), buffer.getLong()).toString());
  }

  @Property(tries = TRIES)
  void textThatIsNotAUuidIsRejectedAndRefusedAlike(@ForAll("almostUuids") String text) {
    sameVerdict(column("uuid"), ConversionKind.TEXT_TO_UUID, text, text.toLowerCase(Locale.ROOT));
  }

  @Provide
  Arbitrary<String> almostUuids() {
    return Arbitraries.strings().withChars("0123456789abcdefABCDEFg-").ofMinLength(34).ofMaxLength(38);
  }

  // --- bytea -----------------------------------------------------------------------------------

  @Property(tries = TRIES)
  void bytes(@ForAll byte[] bytes) {
    convertsAsPostgresPrints(column("bytea"), ConversionKind.BINARY_TO_BYTEA, bytes, "\\x" + HexFormat.of().formatHex(bytes));
  }

  // --- json, jsonb -----------------------------------------------------------------------------

  @Property(tries = TRIES)
  void jsonDocuments(@ForAll("json") Object document, @ForAll long seed) {
    String mysql = render(document, new java.util.Random(seed), false);
    // json keeps the text exactly; jsonb prints keys by length then bytes, ", " and ": ".
    convertsAsPostgresPrints(column("json"), ConversionKind.JSON_TO_JSON, mysql, mysql);
    convertsAsPostgresPrints(column("jsonb"), ConversionKind.JSON_TO_JSON, mysql, render(document, null, true));
  }

  @Provide
  Arbitrary<Object> json() {
    Arbitrary<Object> leaf = Arbitraries.oneOf(
        jsonStrings(6).map(s -> (Object) s),
        Arbitraries.longs().map(l -> (Object) BigDecimal.valueOf(l)),
        Arbitraries.bigDecimals().between(new BigDecimal("-1e9"), new BigDecimal("1e9")).ofScale(3).map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.just((Object) JsonNull.NULL));
    // At most three levels of nesting: enough for every escape and key order, and it always ends.
    return Arbitraries.recursive(() -> leaf, inner -> Arbitraries.oneOf(
        inner.list().ofMaxSize(3).map(list -> (Object) list),
        Arbitraries.maps(jsonStrings(4), inner).ofMaxSize(3).map(map -> (Object) map)), 0, 3);
  }

  /** Text with the characters JSON must escape, non-ASCII and (sometimes) a 4-byte character. */
  private static Arbitrary<String> jsonStrings(int maxLength) {
    Arbitrary<String> plain = Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\u017f')
        .withChars("\"\\/\b\f\n\r\t\u0001").ofMaxLength(maxLength);
    return Arbitraries.oneOf(plain, plain.map(text -> text + "😀"));
  }

  private enum JsonNull { NULL }

  /** MySQL-ish text in a random key order and spacing, or jsonb's own output (keys sorted, single spaces). */
  private static String render(Object value, java.util.Random order, boolean jsonb) {
    StringBuilder out = new StringBuilder();
    write(value, order, jsonb, out);
    return out.toString();
  }

  private static void write(Object value, java.util.Random order, boolean jsonb, StringBuilder out) {
    String comma = jsonb ? ", " : order.nextBoolean() ? "," : " , ";
    String colon = jsonb ? ": " : order.nextBoolean() ? ":" : " :\n";
    if (value instanceof Map<?, ?> map) {
      List<String> keys = new ArrayList<>();
      map.keySet().forEach(key -> keys.add((String) key));
      if (jsonb) {
        keys.sort(Comparator.comparingInt((String key) -> key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
            .thenComparing((a, b) -> java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
      } else {
        java.util.Collections.shuffle(keys, order);
      }
      out.append('{');
      for (int i = 0; i < keys.size(); i++) {
        out.append(i == 0 ? "" : comma);
        string(keys.get(i), order, out);
        out.append(colon);
        write(map.get(keys.get(i)), order, jsonb, out);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : comma);
        write(list.get(i), order, jsonb, out);
      }
      out.append(']');
    } else if (value instanceof String text) {
      string(text, order, out);
    } else if (value == JsonNull.NULL) {
      out.append("null");
    } else if (value instanceof BigDecimal number) {
      out.append(number.toPlainString());
    } else {
      out.append(value);
    }
  }

  /** jsonb prints non-ASCII as it is; the MySQL side sometimes escapes it (UTF-16 halves apart). */
  private static void string(String text, java.util.Random order, StringBuilder out) {
    boolean escapeAll = order != null && order.nextBoolean();
    out.append('"');
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || (escapeAll && c > 0x7e)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  // --- timestamp, timestamptz, date, time ------------------------------------------------------

  private static final DateTimeFormatter MYSQL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  @Property(tries = TRIES)
  void timestamps(@ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long epochSecond,
      @ForAll @IntRange(min = 0, max = 999_999) int micros, @ForAll @IntRange(min = 0, max = 6) int digits) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, 0, java.time.ZoneOffset.UTC);
    int kept = micros - micros % (int) Math.pow(10, 6 - digits);
    String fraction = String.format("%06d", kept);
    String mysql = time.format(MYSQL) + (digits == 0 ? "" : "." + fraction.substring(0, digits));
    // PostgreSQL drops trailing zeros of the fraction and the fraction itself when it is zero.
    String trimmed = fraction.replaceAll("0+$", "");
    String postgres = time.format(MYSQL) + (trimmed.isEmpty() ? "" : "." + trimmed);
    convertsAsPostgresPrints(column("timestamptz"), ConversionKind.DATETIME_TO_TIMESTAMPTZ, mysql, postgres + "+00");
    convertsAsPostgresPrints(column("timestamp"), ConversionKind.DATETIME_TO_TIMESTAMP, mysql, postgres);
  }

  @Property(tries = TRIES)
  void datesIncludingImpossibleOnes(@ForAll @IntRange(min = 0, max = 9999) int year,
      @ForAll @IntRange(min = 0, max = 13) int month, @ForAll @IntRange(min = 0, max = 31) int day) {
    String text = String.format("%04d-%02d-%02d", year, month, day);
    sameVerdict(column("date"), ConversionKind.DATE_TO_DATE, text, text);
    if (TargetType.of(column("date")).violation(text).isEmpty()) {
      convertsAsPostgresPrints(column("date"), ConversionKind.DATE_TO_DATE, text, text);
    }
  }

  @Property(tries = TRIES)
  void timesAcrossMySqlsWholeRange(@ForAll @IntRange(min = 0, max = 838) int hours,
      @ForAll @IntRange(min = 0, max = 59) int minutes, @ForAll @IntRange(min = 0, max = 59) int seconds,
      @ForAll @IntRange(min = 0, max = 999_999) int micros) {
    // Most of MySQL's range lies beyond PostgreSQL's: weight the hours PostgreSQL can hold.
    int h = hours % 3 == 0 ? hours : hours % 25;
    String whole = String.format("%02d:%02d:%02d", h, minutes, seconds);
    String mysql = whole + String.format(".%06d", micros);
    sameVerdict(column("time"), ConversionKind.TIME_TO_TIME, mysql, mysql);
    if (TargetType.of(column("time")).violation(mysql).isEmpty()) {
      String trimmed = String.format("%06d", micros).replaceAll("0+$", "");
      convertsAsPostgresPrints(column("time"), ConversionKind.TIME_TO_TIME, mysql, whole + (trimmed.isEmpty() ? "" : "." + trimmed));
    }
  }

  @Property(tries = TRIES)
  void fractionsATimestampPrecisionWouldRoundAreRejectedAndRefusedAlike(
      @ForAll @IntRange(min = 0, max = 999_999) int micros, @ForAll @IntRange(min = 0, max = 6) int precision) {
    TargetColumn target = column("timestamptz", null, precision, null, List.of());
    String fraction = String.format(".%06d", micros);
    sameVerdict(target, ConversionKind.DATETIME_TO_TIMESTAMPTZ, "2024-01-15 10:30:00" + fraction,
        "2024-01-15T10:30:00" + fraction + "Z");
    TargetColumn time = column("time", null, precision, null, List.of());
    sameVerdict(time, ConversionKind.TIME_TO_TIME, "10:30:00" + fraction, "10:30:00" + fraction);
  }

  // --- enum ------------------------------------------------------------------------------------

  @Property(tries = TRIES)
  void enumLabels(@ForAll("labels") String label) {
    TargetColumn mood = column("mood", null, null, null, List.of("happy", "sad", "ok"));
    sameVerdict(mood, ConversionKind.ENUM_TO_ENUM, label, label);
    if (List.of("happy", "sad", "ok").contains(label)) {
      convertsAsPostgresPrints(mood, ConversionKind.ENUM_TO_ENUM, label, label);
    }
  }

  @Provide
  Arbitrary<String> labels() {
    return Arbitraries.oneOf(Arbitraries.of("happy", "sad", "ok", "", "Happy", "happy "),
        Arbitraries.strings().alpha().ofMaxLength(5));
  }

  private static void assertRejected(TargetColumn target, ConversionKind kind, Object value) {
    org.junit.jupiter.api.Assertions.assertThrows(ValueRejectedException.class,
        () -> TargetType.of(target).codec(kind, STRICT).convert(value));
  }
}
