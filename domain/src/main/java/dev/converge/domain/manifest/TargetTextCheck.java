package dev.converge.domain.manifest;

import dev.converge.domain.conversion.JsonText;
import dev.converge.domain.schema.TargetColumn;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a CSV field's text against its target column before COPY sees it: the text converge
 * writes for that type (docs/csv-format.md), the column's length, its enum labels, NOT NULL. It
 * finds a value that was edited or damaged after the export, or written by a converter defect.
 */
public final class TargetTextCheck {

  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern TIMESTAMP = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{6}Z");
  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern TIME = Pattern.compile("(([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d|24:00:00)\\.\\d{6}");
  private static final Pattern BYTEA = Pattern.compile("\\\\x([0-9a-f]{2})*");

  private TargetTextCheck() {}

  /** What is wrong with a field of {@code column}, or empty when it holds. {@code null} is NULL. */
  public static Function<String, Optional<String>> of(TargetColumn column) {
    Function<String, Optional<String>> type = typeCheck(column);
    return value -> {
      if (value == null) {
        return column.nullable() ? Optional.empty() : Optional.of("NULL in a NOT NULL column");
      }
      return type.apply(value);
    };
  }

  private static Function<String, Optional<String>> typeCheck(TargetColumn column) {
    if (column.isEnum()) {
      return value -> column.enumLabels().contains(value) ? Optional.empty()
          : Optional.of("not one of the enum's labels " + column.enumLabels());
    }
    return switch (column.typeName()) {
      case "bool" -> value -> value.equals("true") || value.equals("false") ? Optional.empty()
          : Optional.of("not a boolean (true/false)");
      case "int2" -> integer(-32_768L, 32_767L);
      case "int4" -> integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
      case "int8" -> integer(Long.MIN_VALUE, Long.MAX_VALUE);
      case "numeric", "float4", "float8" -> value -> {
        try {
          new BigDecimal(value);
          return Optional.empty();
        } catch (NumberFormatException e) {
          return Optional.of("not a number");
        }
      };
      case "uuid" -> value -> UUID.matcher(value).matches() ? Optional.empty() : Optional.of("not a lower-case uuid");
      case "json" -> value -> JsonText.isValid(value) ? Optional.empty() : Optional.of("not valid JSON");
      case "jsonb" -> value -> !JsonText.isValid(value) ? Optional.of("not valid JSON")
          : JsonText.hasNulEscape(value) ? Optional.of("holds \\u0000, which jsonb cannot hold") : Optional.empty();
      case "timestamp", "timestamptz" -> value -> {
        var match = TIMESTAMP.matcher(value);
        return match.matches() && isDate(match.group(1), match.group(2), match.group(3)) ? Optional.empty()
            : Optional.of("not an ISO-8601 UTC timestamp (yyyy-MM-ddTHH:mm:ss.ffffffZ)");
      };
      case "date" -> value -> {
        var match = DATE.matcher(value);
        return match.matches() && isDate(match.group(1), match.group(2), match.group(3)) ? Optional.empty()
            : Optional.of("not an ISO-8601 date");
      };
      case "time" -> value -> TIME.matcher(value).matches() ? Optional.empty() : Optional.of("not a time (HH:mm:ss.ffffff)");
      case "bytea" -> value -> BYTEA.matcher(value).matches() ? Optional.empty() : Optional.of("not \\x and hex digits");
      default -> text(column);
    };
  }

  private static Function<String, Optional<String>> integer(long min, long max) {
    return value -> {
      if (!INTEGER.matcher(value).matches()) {
        return Optional.of("not an integer");
      }
      try {
        long number = Long.parseLong(value);
        return number < min || number > max ? Optional.of("outside " + min + ".." + max) : Optional.empty();
      } catch (NumberFormatException e) {
        return Optional.of("outside " + min + ".." + max);
      }
    };
  }

  private static Function<String, Optional<String>> text(TargetColumn column) {
    Integer limit = column.length();
    return value -> {
      if (value.indexOf('\0') >= 0) {
        return Optional.of("contains a NUL character");
      }
      if (limit != null && value.codePointCount(0, value.length()) > limit) {
        return Optional.of("longer than " + column.formattedType());
      }
      return Optional.empty();
    };
  }

  private static boolean isDate(String year, String month, String day) {
    try {
      LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
      return !year.equals("0000");
    } catch (DateTimeException e) {
      return false;
    }
  }
}
