package dev.converge.dataset;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/** Date-times for generated rows: ordinary ones in 2019–2025 and edge values at fixed rows. */
final class SampleTimes {

  /**
   * For {@code datetime(6)}: before the epoch with 6 fractional digits, whole seconds, one
   * microsecond past a leap-day second, and the largest value MySQL accepts.
   */
  static final List<LocalDateTime> MICROSECOND_EDGES =
      List.of(
          LocalDateTime.parse("1969-12-31T23:59:59.999999"),
          LocalDateTime.parse("2000-01-01T00:00:00"),
          LocalDateTime.parse("2024-02-29T12:34:56.000001"),
          LocalDateTime.parse("9999-12-31T23:59:59.999999"));

  /**
   * For whole-second columns that may be MySQL {@code timestamp}: its first second (in UTC), an
   * hour that does not exist and one that exists twice in Central Europe, and its last second.
   */
  static final List<LocalDateTime> TIMESTAMP_EDGES =
      List.of(
          LocalDateTime.parse("1970-01-01T00:00:01"),
          LocalDateTime.parse("2024-03-31T02:30:00"),
          LocalDateTime.parse("2024-10-27T02:30:00"),
          LocalDateTime.parse("2038-01-19T03:14:07"));

  private static final long START =
      LocalDateTime.parse("2019-01-01T00:00:00").toEpochSecond(ZoneOffset.UTC);
  private static final long SPAN_SECONDS = 7L * 365 * 24 * 3600;
  private static final long NINETY_DAYS = 90L * 24 * 3600;

  private SampleTimes() {}

  /** A date-time with microseconds; one in eight has none, so both forms appear everywhere. */
  static LocalDateTime withMicros(SplittableRandom random) {
    long second = START + random.nextLong(SPAN_SECONDS);
    int micros = random.nextInt(8) == 0 ? 0 : random.nextInt(1_000_000);
    return LocalDateTime.ofEpochSecond(second, micros * 1_000, ZoneOffset.UTC);
  }

  /** A date-time in whole seconds, as plain {@code datetime} and {@code timestamp} columns hold. */
  static LocalDateTime wholeSeconds(SplittableRandom random) {
    return LocalDateTime.ofEpochSecond(START + random.nextLong(SPAN_SECONDS), 0, ZoneOffset.UTC);
  }

  /** A date-time up to 90 days after {@code earlier}, keeping its precision. */
  static LocalDateTime after(LocalDateTime earlier, SplittableRandom random) {
    return earlier.plusSeconds(random.nextLong(NINETY_DAYS));
  }
}
