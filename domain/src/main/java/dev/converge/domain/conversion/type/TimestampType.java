package dev.converge.domain.conversion.type;

import static dev.converge.domain.conversion.ConversionKind.DATETIME_TO_TIMESTAMP;
import static dev.converge.domain.conversion.ConversionKind.DATETIME_TO_TIMESTAMPTZ;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.SourceFamily;
import dev.converge.domain.conversion.TargetFamily;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.ValuePolicies.ZeroDatePolicy;
import dev.converge.domain.conversion.ValueRejectedException;
import dev.converge.domain.conversion.type.ColumnCodec.Converted;
import dev.converge.domain.schema.TargetColumn;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL {@code timestamp} and {@code timestamptz}: MySQL's datetime and timestamp, read as
 * UTC wall-clock text (the session's time zone is +00:00), written ISO-8601 with six fractional
 * digits and {@code Z}; zero dates per policy {@code zero-dates}. The checksum hashes
 * {@code yyyy-MM-ddTHH:mm:ss.ffffff}, without a zone, whether from the CSV ({@code …Z}) or from
 * PostgreSQL ({@code yyyy-MM-dd HH:mm:ss[.f]+00}).
 */
public final class TimestampType extends TargetType {

  static final Map<TargetFamily, Map<SourceFamily, ConversionKind>> SOURCES = Map.of(
      TargetFamily.TIMESTAMP, Map.of(SourceFamily.DATETIME, DATETIME_TO_TIMESTAMP, SourceFamily.TIMESTAMP,
          DATETIME_TO_TIMESTAMP),
      TargetFamily.TIMESTAMPTZ, Map.of(SourceFamily.DATETIME, DATETIME_TO_TIMESTAMPTZ, SourceFamily.TIMESTAMP,
          DATETIME_TO_TIMESTAMPTZ));

  private static final Pattern TIMESTAMP =
      Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{6}Z");

  TimestampType(TargetColumn column, TargetFamily family) {
    super(column, family, SOURCES.get(family));
  }

  @Override
  ColumnCodec converter(ConversionKind conversion, ValuePolicies policies) {
    return value -> timestamp(SourceValue.text(value), policies.zeroDates());
  }

  /** {@code 2024-01-15 10:30:00[.ffffff]} → {@code 2024-01-15T10:30:00.ffffffZ}, always six digits. */
  private Converted timestamp(String text, ZeroDatePolicy zeroDates) {
    if (text.length() < 19 || text.charAt(10) != ' ' || text.charAt(13) != ':' || text.charAt(16) != ':') {
      throw new ValueRejectedException("not a MySQL datetime (yyyy-MM-dd HH:mm:ss[.ffffff])");
    }
    if (CalendarText.calendarDate(text.substring(0, 10), column, zeroDates) == null) {
      return Converted.NULL;
    }
    String local = text.substring(0, 10) + "T" + text.substring(11, 19)
        + CalendarText.kept(CalendarText.fraction(text.substring(19)), column);
    return new Converted(local + "Z", local);
  }

  @Override
  Optional<String> textViolation(String text) {
    Matcher match = TIMESTAMP.matcher(text);
    return match.matches() && CalendarText.isDate(match.group(1), match.group(2), match.group(3))
        ? CalendarText.rounded(text.substring(19, 26), column)
        : Optional.of("not an ISO-8601 UTC timestamp (yyyy-MM-ddTHH:mm:ss.ffffffZ)");
  }

  @Override
  String canonicalText(String text) {
    int end = text.length();
    if (text.endsWith("Z")) {
      end--;
    } else if (text.endsWith("+00") || text.endsWith("-00")) {
      end -= 3;
    } else if (text.endsWith("+00:00")) {
      end -= 6;
    }
    String local = text.substring(0, end);
    return local.substring(0, 10) + "T" + local.substring(11, 19) + CalendarText.padded(local.substring(19));
  }
}
