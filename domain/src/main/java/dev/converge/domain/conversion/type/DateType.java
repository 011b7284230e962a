package dev.converge.domain.conversion.type;

import static dev.converge.domain.conversion.ConversionKind.DATE_TO_DATE;

import dev.converge.domain.conversion.ConversionKind;
import dev.converge.domain.conversion.SourceFamily;
import dev.converge.domain.conversion.TargetFamily;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.schema.TargetColumn;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL {@code date}: the ISO date; MySQL's zero dates (0000-00-00, 2024-00-10) per policy {@code zero-dates}. */
public final class DateType extends TargetType {

  static final Map<TargetFamily, Map<SourceFamily, ConversionKind>> SOURCES = Map.of(TargetFamily.DATE,
      Map.of(SourceFamily.DATE, DATE_TO_DATE));

  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

  DateType(TargetColumn column) {
    super(column, TargetFamily.DATE, SOURCES.get(TargetFamily.DATE));
  }

  @Override
  ColumnCodec converter(ConversionKind conversion, ValuePolicies policies) {
    return value -> converted(CalendarText.calendarDate(SourceValue.text(value), column, policies.zeroDates()));
  }

  @Override
  Optional<String> textViolation(String text) {
    Matcher match = DATE.matcher(text);
    return match.matches() && CalendarText.isDate(match.group(1), match.group(2), match.group(3)) ? Optional.empty()
        : Optional.of("not an ISO-8601 date");
  }
}
