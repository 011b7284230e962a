package dev.converge.domain.manifest;

import dev.converge.domain.conversion.JsonText;
import dev.converge.domain.schema.TargetColumn;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The one text form a target value is hashed in, whether it is read from converge's CSV file or
 * from PostgreSQL's own output: {@code true}/{@code t} → {@code t}, numerics without trailing
 * zeros, floats as Java prints them, lower-case uuids and hex, timestamps as
 * {@code yyyy-MM-ddTHH:mm:ss.ffffff} (UTC, no zone), jsonb in {@link JsonText}'s canonical form,
 * char(n) without its padding. Everything else is hashed exactly as it is.
 */
public final class CanonicalForm {

  private CanonicalForm() {}

  /** The canonicaliser for values of {@code column}; {@code null} always stays {@code null}. */
  public static UnaryOperator<String> of(TargetColumn column) {
    if (column.isEnum()) {
      return UnaryOperator.identity();
    }
    return switch (column.typeName()) {
      case "bool" -> CanonicalForm::bool;
      case "numeric" -> value -> value == null ? null : numeric(value);
      case "float4" -> value -> value == null ? null : Float.toString(Float.parseFloat(value));
      case "float8" -> value -> value == null ? null : Double.toString(Double.parseDouble(value));
      case "uuid", "bytea" -> value -> value == null ? null : value.toLowerCase(Locale.ROOT);
      case "bpchar" -> value -> value == null ? null : value.stripTrailing();
      case "jsonb" -> value -> value == null ? null : JsonText.canonical(value);
      case "timestamp", "timestamptz" -> CanonicalForm::timestamp;
      case "time" -> value -> value == null ? null : value.substring(0, 8) + fraction(value.substring(8));
      default -> UnaryOperator.identity();
    };
  }

  private static String bool(String value) {
    if (value == null) {
      return null;
    }
    return switch (value) {
      case "t", "true" -> "t";
      case "f", "false" -> "f";
      default -> throw new IllegalArgumentException("not a boolean: " + value);
    };
  }

  private static String numeric(String value) {
    BigDecimal number = new BigDecimal(value);
    return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
  }

  /**
   * {@code 2024-01-15T10:30:00.123456Z} (CSV) and {@code 2024-01-15 10:30:00.123456+00} or
   * {@code 2024-01-15 10:30:00} (PostgreSQL, session in UTC) → {@code 2024-01-15T10:30:00.123456}.
   */
  private static String timestamp(String value) {
    if (value == null) {
      return null;
    }
    int end = value.length();
    if (value.endsWith("Z")) {
      end--;
    } else if (value.endsWith("+00") || value.endsWith("-00")) {
      end -= 3;
    } else if (value.endsWith("+00:00")) {
      end -= 6;
    }
    String local = value.substring(0, end);
    return local.substring(0, 10) + "T" + local.substring(11, 19) + fraction(local.substring(19));
  }

  private static String fraction(String rest) {
    if (rest.isEmpty()) {
      return ".000000";
    }
    return rest + "000000".substring(rest.length() - 1);
  }
}
