package dev.converge.adapter.shell;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A duration as an operator writes it: {@code 60s}, {@code 15m}, {@code 1h30m}, {@code 500ms},
 * whole seconds ({@code 10}), or ISO-8601 ({@code PT15M}). Registered for every {@link Duration}
 * option, so every command reads durations the same way.
 */
public final class DurationText implements ITypeConverter<Duration> {

  private static final Pattern UNITS = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  /** The duration {@code value} names; a {@link TypeConversionException} saying how to write one otherwise. */
  public static Duration parse(String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    if (text.matches("\\d+")) {
      return Duration.ofSeconds(Long.parseLong(text));
    }
    if (text.startsWith("p")) {
      try {
        return Duration.parse(text.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw invalid(value);
      }
    }
    Matcher units = UNITS.matcher(text);
    if (text.isEmpty() || !units.matches()) {
      throw invalid(value);
    }
    return Duration.ofHours(number(units.group(1))).plusMinutes(number(units.group(2)))
        .plusSeconds(number(units.group(3))).plusMillis(number(units.group(4)));
  }

  private static long number(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }

  private static TypeConversionException invalid(String value) {
    return new TypeConversionException("'" + value + "' is not a duration; write it as 60s, 15m, 1h30m, 500ms or PT15M");
  }
}
