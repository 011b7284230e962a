package dev.converge.adapter.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * converge's CSV dialect (docs/csv-format.md): RFC 4180, UTF-8, CRLF between records, a header of
 * target column names, every non-NULL value quoted and NULL written as an unquoted {@code \N}.
 *
 * <p>Quoting every value is what keeps the three look-alikes apart for both Commons CSV and
 * Postgres' {@code COPY … (FORMAT csv, NULL '\N')}: NULL is {@code \N}, the string "\N" is
 * {@code "\N"} and the empty string is {@code ""}. Line breaks, quotes, commas and backslashes
 * inside a value are kept byte for byte.
 */
final class CsvDialect {

  /** What COPY is told the NULL marker is. */
  static final String NULL_MARKER = "\\N";

  static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setRecordSeparator("\r\n")
      .setNullString(NULL_MARKER)
      .setQuoteMode(QuoteMode.ALL_NON_NULL)
      .setIgnoreSurroundingSpaces(false)
      .setIgnoreEmptyLines(false)
      .setTrim(false)
      .build();

  private CsvDialect() {}
}
