package dev.converge.adapter.csv;

import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.apache.commons.csv.CSVException;
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

  /**
   * What is wrong with a file that could not be read in this dialect, in the operator's words and
   * by the failure's type, never by a library's message or class name (Commons CSV's
   * {@code CSVException}, the JDK's {@code MalformedInputException}).
   */
  static String problem(Exception failure) {
    Throwable cause = failure instanceof UncheckedIOException unchecked && unchecked.getCause() != null
        ? unchecked.getCause() : failure;
    if (cause instanceof CSVException) {
      return "not valid CSV in converge's dialect: bad quoting (a quoted value that never closes, as in a file cut"
          + " short, or text right after a closing quote)";
    }
    if (cause instanceof CharacterCodingException) {
      // The reader decodes ahead of the parser: the bytes are on this line or a little after it.
      return "not valid CSV in converge's dialect: bytes that are not UTF-8, on this line or shortly after it";
    }
    if (cause instanceof NoSuchFileException) {
      return "the file is missing";
    }
    if (cause instanceof AccessDeniedException) {
      return "converge may not read the file (its permissions)";
    }
    String message = cause.getMessage();
    return "the file cannot be read" + (message == null || message.isBlank() ? "" : " (" + message + ")");
  }
}
