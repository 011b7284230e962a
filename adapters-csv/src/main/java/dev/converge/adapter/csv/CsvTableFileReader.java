package dev.converge.adapter.csv;

import dev.converge.domain.failure.MalformedFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file in converge's dialect, streaming, and hands each data row to the caller with the
 * line it starts on; {@code null} stands for NULL. Malformed input (bad quoting, invalid UTF-8, a
 * row with the wrong number of values) fails with the file and line.
 */
public final class CsvTableFileReader {

  /** One data row and the physical line of the file it starts on (the header is line 1). */
  public record Row(long line, String[] values) {}

  /** A whole file read: its data rows and the SHA-256 of its bytes, computed while parsing. */
  public record Read(long rows, String sha256) {}

  /** What to do about a file converge wrote that no longer reads. */
  private static final String DAMAGED = "; the file was damaged or changed after the export: export the table again"
      + " (converge export --restart) or restore the file";

  private CsvTableFileReader() {}

  /** The header row of the file. */
  public static List<String> header(Path file) {
    try (Reader reader = strictUtf8(file); CSVParser parser = CsvDialect.FORMAT.parse(reader)) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        throw new MalformedFileException(file.getFileName().toString(), 1, "empty: no header row", null);
      }
      return records.next().toList();
    } catch (IOException | UncheckedIOException e) {
      throw new MalformedFileException(file.getFileName().toString(), 1, "cannot read the header: "
          + CsvDialect.problem(e) + DAMAGED, e);
    }
  }

  /** Streams every data row after the header; returns how many there were. */
  public static long forEachRow(Path file, Consumer<Row> sink) {
    return read(file, sink).rows();
  }

  /**
   * Streams every data row after the header, and digests the file's bytes on the way, so that
   * proving a file intact and parsing it cost one read, not two.
   */
  public static Read read(Path file, Consumer<Row> sink) {
    long line = 1;
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    try (DigestInputStream digested = new DigestInputStream(Files.newInputStream(file), sha256);
        Reader reader = strictUtf8(digested); CSVParser parser = CsvDialect.FORMAT.parse(reader)) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        throw new MalformedFileException(file.getFileName().toString(), 1, "empty: no header row", null);
      }
      int columns = records.next().size();
      long rows = 0;
      while (true) {
        line = parser.getCurrentLineNumber() + 1;
        if (!records.hasNext()) {
          // The parser stops at the last record; whatever follows still belongs to the file's digest.
          digested.transferTo(java.io.OutputStream.nullOutputStream());
          return new Read(rows, HexFormat.of().formatHex(sha256.digest()));
        }
        CSVRecord record = records.next();
        if (record.size() != columns) {
          throw new MalformedFileException(file.getFileName().toString(), line,
              record.size() + " values where the header has " + columns, null);
        }
        rows++;
        sink.accept(new Row(line, record.values()));
      }
    } catch (IOException | UncheckedIOException e) {
      throw new MalformedFileException(file.getFileName().toString(), line, CsvDialect.problem(e) + DAMAGED, e);
    }
  }

  private static Reader strictUtf8(Path file) throws IOException {
    return strictUtf8(Files.newInputStream(file));
  }

  private static Reader strictUtf8(InputStream in) {
    // Invalid UTF-8 is an error to report, never a silent U+FFFD in the data.
    return new java.io.BufferedReader(new java.io.InputStreamReader(in,
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
  }
}
