package dev.converge.domain.conversion.type;

import dev.converge.domain.conversion.ValuePolicies.ZeroDatePolicy;
import dev.converge.domain.conversion.ValueRejectedException;
import dev.converge.domain.schema.TargetColumn;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/** The date and time pieces the date, time and timestamp types share: MySQL's text in, ISO text out. */
final class CalendarText {

  private CalendarText() {}

  /** The date if it is a real calendar date; null when a zero date maps to NULL; else rejected. */
  static String calendarDate(String text, TargetColumn target, ZeroDatePolicy zeroDates) {
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

  /** Whether the ISO date's parts name a real calendar date other than year 0000. */
  static boolean isDate(String year, String month, String day) {
    try {
      LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
      return !year.equals("0000");
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** Fractional digits beyond timestamp(p)/time(p) must be zeros: PostgreSQL would round them. */
  static String kept(String fraction, TargetColumn target) {
    Optional<String> rounded = rounded(fraction, target);
    if (rounded.isPresent()) {
      throw new ValueRejectedException(rounded.get());
    }
    return fraction;
  }

  /** Why timestamp(p)/time(p) would round a six-digit fraction ({@code .ffffff}), or empty. */
  static Optional<String> rounded(String fraction, TargetColumn target) {
    Integer precision = target.precision();
    if (precision != null && precision < 6 && !fraction.substring(1 + precision).chars().allMatch(c -> c == '0')) {
      return Optional.of("more fractional digits than " + target.formattedType() + " keeps");
    }
    return Optional.empty();
  }

  /** {@code ""} or {@code .f…} (up to six digits) → {@code .ffffff}; anything else is rejected. */
  static String fraction(String rest) {
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
    return padded(rest);
  }

  /** A fraction as converge or PostgreSQL prints it ({@code ""}, {@code .1}, …) → six digits, unchecked. */
  static String padded(String rest) {
    if (rest.isEmpty()) {
      return ".000000";
    }
    return rest + "000000".substring(rest.length() - 1);
  }

  static int digits(String text, int from, int to) {
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
}
