package dev.converge.domain.conversion;

import dev.converge.domain.conversion.ValuePolicies.BooleanPolicy;
import dev.converge.domain.conversion.ValuePolicies.InvalidUuidPolicy;
import dev.converge.domain.conversion.ValuePolicies.NulBytePolicy;
import dev.converge.domain.conversion.ValuePolicies.OverlongPolicy;
import dev.converge.domain.conversion.ValuePolicies.ZeroDatePolicy;
import dev.converge.domain.schema.TargetColumn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * The converter for each conversion kind, configured by the target column and the column's
 * policies. Never rounds, truncates or rewrites a value unless a policy says so; a value that
 * cannot be carried exactly is rejected with the rule it breaks.
 */
public final class ValueConverters {

  private static final HexFormat HEX = HexFormat.of();

  private ValueConverters() {}

  /** The converter for a column of the plan. */
  public static ColumnConverter of(ConversionKind kind, TargetColumn target, ValuePolicies policies) {
    return switch (kind) {
      case INTEGER_TO_INTEGER, BIT_TO_INTEGER -> integer(range(target));
      case INTEGER_TO_NUMERIC -> value -> numeric(text(value), target);
      case INTEGER_TO_BOOLEAN -> value -> value == null ? null : bool(text(value), policies.booleans());
      case BIT_TO_BOOLEAN -> value -> value == null ? null : bool(text(value), BooleanPolicy.REJECT);
      case DECIMAL_TO_NUMERIC -> value -> numeric(text(value), target);
      case FLOAT_TO_FLOAT -> value -> floating(text(value));
      case TEXT_TO_TEXT, JSON_TO_TEXT, ENUM_TO_TEXT -> value -> text(text(value), target, policies);
      case TEXT_TO_UUID -> value -> uuid(text(value), target, policies.invalidUuids());
      case TEXT_TO_JSON, JSON_TO_JSON -> value -> json(text(value), target, policies.nulBytes());
      case TEXT_TO_ENUM, ENUM_TO_ENUM -> label(target.enumLabels());
      case DATETIME_TO_TIMESTAMP, DATETIME_TO_TIMESTAMPTZ -> value -> timestamp(text(value), target, policies.zeroDates());
      case DATE_TO_DATE -> value -> date(text(value), target, policies.zeroDates());
      case TIME_TO_TIME -> value -> time(text(value), target);
      case YEAR_TO_INTEGER -> value -> year(text(value), target, policies.zeroDates());
      case BINARY_TO_BYTEA -> value -> value == null ? null : "\\x" + HEX.formatHex(bytes(value));
      case BINARY_TO_UUID -> value -> value == null ? null : binaryUuid(bytes(value));
    };
  }

  private static ColumnConverter integer(BigInteger[] range) {
    long min = range[0].longValue();
    long max = range[1].longValue();
    return value -> {
      String text = text(value);
      if (text == null) {
        return null;
      }
      long number;
      try {
        number = Long.parseLong(text);
      } catch (NumberFormatException e) {
        // Only an unsigned BIGINT above 2^63-1 lands here; it is out of every target range.
        throw new ValueRejectedException("outside the target's range " + min + ".." + max);
      }
      if (number < min || number > max) {
        throw new ValueRejectedException("outside the target's range " + min + ".." + max);
      }
      return Long.toString(number);
    };
  }

  private static BigInteger[] range(TargetColumn target) {
    int bits = switch (target.typeName()) {
      case "int2" -> 16;
      case "int4" -> 32;
      default -> 64;
    };
    return new BigInteger[] {BigInteger.TWO.pow(bits - 1).negate(), BigInteger.TWO.pow(bits - 1).subtract(BigInteger.ONE)};
  }

  private static String bool(String text, BooleanPolicy policy) {
    switch (text) {
      case "0":
        return "false";
      case "1":
        return "true";
      default:
        if (policy == BooleanPolicy.NONZERO_IS_TRUE && text.matches("-?\\d+")) {
          return "true";
        }
        throw new ValueRejectedException("a boolean must be 0 or 1 (policy booleans: nonzero-is-true maps other values to true)");
    }
  }

  private static String numeric(String text, TargetColumn target) {
    if (text == null) {
      return null;
    }
    BigDecimal number;
    try {
      number = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new ValueRejectedException("not a number");
    }
    if (target.precision() != null) {
      int scale = target.scale() == null ? 0 : target.scale();
      BigDecimal exact = number.stripTrailingZeros();
      if (exact.scale() > scale) {
        throw new ValueRejectedException("more than " + scale + " decimal places: numeric(" + target.precision() + ","
            + scale + ") would round it");
      }
      if (exact.precision() - exact.scale() > target.precision() - scale) {
        throw new ValueRejectedException("too many integer digits for numeric(" + target.precision() + "," + scale + ")");
      }
    }
    return text;
  }

  private static String floating(String text) {
    if (text == null) {
      return null;
    }
    try {
      double number = Double.parseDouble(text);
      if (Double.isNaN(number) || Double.isInfinite(number)) {
        throw new ValueRejectedException("not a finite number");
      }
    } catch (NumberFormatException e) {
      throw new ValueRejectedException("not a number");
    }
    return text;
  }

  private static String text(String text, TargetColumn target, ValuePolicies policies) {
    if (text == null) {
      return null;
    }
    String checked = text;
    if (checked.indexOf('\0') >= 0) {
      if (policies.nulBytes() != NulBytePolicy.STRIP) {
        throw new ValueRejectedException("contains a NUL character, which PostgreSQL text cannot hold (policy nul-bytes: strip)");
      }
      checked = checked.replace("\0", "");
    }
    Integer limit = target.length();
    if (limit != null) {
      int length = checked.codePointCount(0, checked.length());
      if (length > limit) {
        if (policies.overlong() != OverlongPolicy.TRUNCATE) {
          throw new ValueRejectedException(length + " characters, longer than " + target.formattedType()
              + " (policy overlong: truncate)");
        }
        checked = checked.substring(0, checked.offsetByCodePoints(0, limit));
      }
    }
    return checked;
  }

  private static String uuid(String text, TargetColumn target, InvalidUuidPolicy policy) {
    if (text == null) {
      return null;
    }
    if (isUuid(text)) {
      return text.toLowerCase(java.util.Locale.ROOT);
    }
    if (policy == InvalidUuidPolicy.NULL && target.nullable()) {
      return null;
    }
    throw new ValueRejectedException("not a uuid (8-4-4-4-12 hex digits)" + (target.nullable()
        ? " (policy invalid-uuids: null)" : ""));
  }

  static boolean isUuid(String text) {
    if (text.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean hyphen = i == 8 || i == 13 || i == 18 || i == 23;
      if (hyphen ? c != '-' : Character.digit(c, 16) < 0 || c > 'f') {
        return false;
      }
    }
    return true;
  }

  private static String json(String text, TargetColumn target, NulBytePolicy nulBytes) {
    if (text == null) {
      return null;
    }
    String checked = text;
    if (target.typeName().equals("jsonb") && JsonText.hasNulEscape(checked)) {
      if (nulBytes != NulBytePolicy.STRIP) {
        throw new ValueRejectedException("holds the escape \\u0000, which jsonb cannot hold (policy nul-bytes: strip)");
      }
      checked = JsonText.withoutNulEscapes(checked);
    }
    try {
      JsonText.canonical(checked);
    } catch (IllegalArgumentException e) {
      throw new ValueRejectedException(e.getMessage());
    }
    return checked;
  }

  private static ColumnConverter label(List<String> labels) {
    return value -> {
      String text = text(value);
      if (text == null || labels.contains(text)) {
        return text;
      }
      throw new ValueRejectedException("not one of the target enum's labels " + labels);
    };
  }

  /** {@code 2024-01-15 10:30:00[.ffffff]} → {@code 2024-01-15T10:30:00.ffffffZ}, always six digits. */
  private static String timestamp(String text, TargetColumn target, ZeroDatePolicy zeroDates) {
    if (text == null) {
      return null;
    }
    if (text.length() < 19 || text.charAt(10) != ' ' || text.charAt(13) != ':' || text.charAt(16) != ':') {
      throw new ValueRejectedException("not a MySQL datetime (yyyy-MM-dd HH:mm:ss[.ffffff])");
    }
    if (calendarDate(text.substring(0, 10), target, zeroDates) == null) {
      return null;
    }
    return text.substring(0, 10) + "T" + text.substring(11, 19) + kept(fraction(text.substring(19)), target) + "Z";
  }

  /** Fractional digits beyond timestamp(p)/time(p) must be zeros: PostgreSQL would round them. */
  private static String kept(String fraction, TargetColumn target) {
    Integer precision = target.precision();
    if (precision != null && precision < 6 && !fraction.substring(1 + precision).chars().allMatch(c -> c == '0')) {
      throw new ValueRejectedException("more fractional digits than " + target.formattedType() + " keeps");
    }
    return fraction;
  }

  private static String date(String text, TargetColumn target, ZeroDatePolicy zeroDates) {
    if (text == null) {
      return null;
    }
    return calendarDate(text, target, zeroDates);
  }

  /** The date if it is a real calendar date; null when a zero date maps to NULL; else rejected. */
  private static String calendarDate(String text, TargetColumn target, ZeroDatePolicy zeroDates) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      throw new ValueRejectedException("not a date (yyyy-MM-dd)");
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    if (year == 0 || month == 0 || day == 0) {
      if (zeroDates == ZeroDatePolicy.NULL && target.nullable()) {
        return null;
      }
      throw new ValueRejectedException("a MySQL zero date, which PostgreSQL cannot hold"
          + (target.nullable() ? " (policy zero-dates: null)" : ""));
    }
    try {
      LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      throw new ValueRejectedException("not a calendar date");
    }
    return text;
  }

  /** {@code HH:MM:SS[.ffffff]} within 00:00:00–24:00:00; MySQL's wider TIME range is rejected. */
  private static String time(String text, TargetColumn target) {
    if (text == null) {
      return null;
    }
    int colon = text.indexOf(':');
    if (text.startsWith("-") || colon != 2 || text.length() < 8 || text.charAt(5) != ':') {
      throw new ValueRejectedException("a TIME outside 00:00:00–24:00:00 (MySQL TIME spans ±838 hours)");
    }
    int hours = digits(text, 0, 2);
    int minutes = digits(text, 3, 5);
    int seconds = digits(text, 6, 8);
    String fraction = fraction(text.substring(8));
    if (minutes > 59 || seconds > 59 || hours > 24 || (hours == 24 && (minutes > 0 || seconds > 0
        || !fraction.equals(".000000")))) {
      throw new ValueRejectedException("a TIME outside 00:00:00–24:00:00 (MySQL TIME spans ±838 hours)");
    }
    return text.substring(0, 8) + kept(fraction, target);
  }

  private static String year(String text, TargetColumn target, ZeroDatePolicy zeroDates) {
    if (text == null) {
      return null;
    }
    int year = Integer.parseInt(text);
    if (year == 0) {
      if (zeroDates == ZeroDatePolicy.NULL && target.nullable()) {
        return null;
      }
      throw new ValueRejectedException("YEAR 0000, MySQL's zero year" + (target.nullable() ? " (policy zero-dates: null)" : ""));
    }
    return Integer.toString(year);
  }

  /** {@code ""} or {@code .f…} (up to six digits) → {@code .ffffff}. */
  private static String fraction(String rest) {
    if (rest.isEmpty()) {
      return ".000000";
    }
    if (rest.charAt(0) != '.' || rest.length() > 7 || rest.length() < 2) {
      throw new ValueRejectedException("not a fraction of a second: " + rest);
    }
    for (int i = 1; i < rest.length(); i++) {
      if (rest.charAt(i) < '0' || rest.charAt(i) > '9') {
        throw new ValueRejectedException("not a fraction of a second: " + rest);
      }
    }
    return rest + "000000".substring(rest.length() - 1);
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new ValueRejectedException("not a date or time: " + text);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static String binaryUuid(byte[] bytes) {
    if (bytes.length != 16) {
      throw new ValueRejectedException(bytes.length + " bytes; a uuid needs 16");
    }
    String hex = HEX.formatHex(bytes);
    return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20)
        + "-" + hex.substring(20);
  }

  private static String text(Object value) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new IllegalArgumentException("expected text from the source adapter, got " + value.getClass().getSimpleName());
  }

  private static byte[] bytes(Object value) {
    if (value instanceof byte[] bytes) {
      return bytes;
    }
    throw new IllegalArgumentException("expected bytes from the source adapter, got " + value.getClass().getSimpleName());
  }
}
