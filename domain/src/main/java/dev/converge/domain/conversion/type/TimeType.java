package dev.converge.domain.conversion.type;

import static dev.converge.domain.conversion.ConversionKind.TIME_TO_TIME;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.SourceFamily;
import dev.converge.domain.conversion.TargetFamily;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.ValueRejectedException;
import dev.converge.domain.conversion.type.ColumnCodec.Converted;
import dev.converge.domain.schema.TargetColumn;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PostgreSQL {@code time} and {@code time(p)}: {@code HH:MM:SS.ffffff} within 00:00:00–24:00:00;
 * MySQL's TIME spans ±838 hours, values outside are rejected, as are fractional digits time(p)
 * would round.
 */
public final class TimeType extends TargetType {

  static final Map<TargetFamily, Map<SourceFamily, ConversionKind>> SOURCES = Map.of(TargetFamily.TIME,
      Map.of(SourceFamily.TIME, TIME_TO_TIME));

  private static final Pattern TIME = Pattern.compile("(([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d|24:00:00)\\.\\d{6}");
  private static final String OUT_OF_RANGE = "a TIME outside 00:00:00–24:00:00 (MySQL TIME spans ±838 hours)";

  TimeType(TargetColumn column) {
    super(column, TargetFamily.TIME, SOURCES.get(TargetFamily.TIME));
  }

  @Override
  ColumnCodec converter(ConversionKind conversion, ValuePolicies policies) {
    return value -> time(SourceValue.text(value));
  }

  private Converted time(String text) {
    int colon = text.indexOf(':');
    if (text.startsWith("-") || colon != 2 || text.length() < 8 || text.charAt(5) != ':') {
      throw new ValueRejectedException(OUT_OF_RANGE);
    }
    int hours = CalendarText.digits(text, 0, 2);
    int minutes = CalendarText.digits(text, 3, 5);
    int seconds = CalendarText.digits(text, 6, 8);
    String fraction = CalendarText.fraction(text.substring(8));
    if (minutes > 59 || seconds > 59 || hours > 24 || (hours == 24 && (minutes > 0 || seconds > 0
        || !fraction.equals(".000000")))) {
      throw new ValueRejectedException(OUT_OF_RANGE);
    }
    // Always six fractional digits: the text is its own canonical form.
    String converted = text.substring(0, 8) + CalendarText.kept(fraction, column);
    return new Converted(converted, converted);
  }

  @Override
  Optional<String> textViolation(String text) {
    return TIME.matcher(text).matches() ? CalendarText.rounded(text.substring(8), column)
        : Optional.of("not a time (HH:mm:ss.ffffff)");
  }

  @Override
  String canonicalText(String text) {
    return text.substring(0, 8) + CalendarText.padded(text.substring(8));
  }
}
