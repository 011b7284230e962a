package dev.converge.adapter.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableFileTest {

  private static final String[][] TRAPS = {
    {"1", "line\nfeed", "carriage\rreturn", "crlf\r\nboth"},
    {"2", "\"quoted\" and, comma", "back\\slash \\\\ double", "tab\there"},
    {"3", "\\N", "", null},
    {"4", "emoji 👋🚀 CJK 東京 Arabic مرحبا", "  leading and trailing spaces  ", "\\"},
    {"5", null, null, null},
    {"6", "\"", ",", "\r\n"},
  };

  @TempDir Path directory;

  @Test
  void everyTrapValueSurvivesTheRoundTripExactly() {
    Path file = writeTraps();
    List<String[]> read = new ArrayList<>();
    long rows = CsvTableFileReader.forEachRow(file, row -> read.add(row.values()));
    assertEquals(TRAPS.length, rows);
    for (int i = 0; i < TRAPS.length; i++) {
      assertArrayEquals(TRAPS[i], read.get(i), "row " + i);
    }
  }

  @Test
  void nullTheStringBackslashNAndTheEmptyStringStayDistinct() throws IOException {
    Path file = directory.resolve("distinct.csv");
    try (CsvTableFileWriter writer = CsvTableFileWriter.open(file, List.of("a", "b", "c"))) {
      writer.write(new String[] {null, "\\N", ""});
      writer.finish();
    }
    // Byte-exact: this is what COPY … (FORMAT csv, NULL '\N') reads as NULL, '\N' and ''.
    assertEquals("\"a\",\"b\",\"c\"\r\n\\N,\"\\N\",\"\"\r\n", Files.readString(file, StandardCharsets.UTF_8));
    List<String[]> read = new ArrayList<>();
    CsvTableFileReader.forEachRow(file, row -> read.add(row.values()));
    assertNull(read.get(0)[0]);
    assertEquals("\\N", read.get(0)[1]);
    assertEquals("", read.get(0)[2]);
  }

  @Test
  void newlinesInsideValuesAreNeverReplaced() throws IOException {
    Path file = writeTraps();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(text.contains("\"line\nfeed\""), text);
    assertTrue(text.contains("\"carriage\rreturn\""), text);
    assertTrue(text.contains("\"crlf\r\nboth\""), text);
  }

  @Test
  void eachRowIsReportedWithTheLineItStartsOn() {
    Path file = writeTraps();
    List<Long> lines = new ArrayList<>();
    CsvTableFileReader.forEachRow(file, row -> lines.add(row.line()));
    // Header on line 1; row 1 spans lines 2-5 (an LF, a CR and a CRLF inside, each one line break),
    // so row 2 starts on line 6.
    assertEquals(List.of(2L, 6L, 7L, 8L, 9L, 10L), lines);
  }

  @Test
  void theReportedFactsMatchTheFileOnDisk() throws Exception {
    Path file = directory.resolve("facts.csv");
    WrittenFile written;
    try (CsvTableFileWriter writer = CsvTableFileWriter.open(file, List.of("id", "a", "b", "c"))) {
      for (String[] row : TRAPS) {
        writer.write(row);
      }
      written = writer.finish();
    }
    byte[] bytes = Files.readAllBytes(file);
    assertEquals(TRAPS.length, written.rows());
    assertEquals(bytes.length, written.bytes());
    assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), written.sha256());
    assertEquals(List.of("id", "a", "b", "c"), CsvTableFileReader.header(file));
  }

  @Test
  void readingAFileDigestsExactlyItsBytesSoOneReadProvesItIntact() throws Exception {
    Path file = directory.resolve("digest.csv");
    WrittenFile written;
    try (CsvTableFileWriter writer = CsvTableFileWriter.open(file, List.of("id", "a", "b", "c"))) {
      for (String[] row : TRAPS) {
        writer.write(row);
      }
      written = writer.finish();
    }
    CsvTableFileReader.Read read = CsvTableFileReader.read(file, row -> {});
    assertEquals(TRAPS.length, read.rows());
    assertEquals(written.sha256(), read.sha256());
    // One changed byte that keeps the file well-formed still changes the digest.
    Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace("line\nfeed", "line\nfeeD"),
        StandardCharsets.UTF_8);
    CsvTableFileReader.Read edited = CsvTableFileReader.read(file, row -> {});
    assertEquals(TRAPS.length, edited.rows());
    assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))),
        edited.sha256());
    assertTrue(!edited.sha256().equals(written.sha256()));
  }

  @Test
  void aWriterClosedWithoutFinishingLeavesNoFileBehind() throws IOException {
    Path file = directory.resolve("interrupted.csv");
    try (CsvTableFileWriter writer = CsvTableFileWriter.open(file, List.of("id"))) {
      writer.write(new String[] {"1"});
    }
    assertFalse(Files.exists(file));
    try (var left = Files.list(directory)) {
      assertEquals(0, left.count(), "no .partial file may remain");
    }
  }

  @Test
  void aRowWithTheWrongNumberOfValuesIsRefusedBeforeItIsWritten() {
    Path file = directory.resolve("width.csv");
    try (CsvTableFileWriter writer = CsvTableFileWriter.open(file, List.of("a", "b"))) {
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> writer.write(new String[] {"only one"}));
      assertTrue(refused.getMessage().contains("row 1"), refused.getMessage());
    }
  }

  @Test
  void aShortRowInAFileIsReportedWithItsLine() throws IOException {
    Path file = directory.resolve("short.csv");
    Files.writeString(file, "\"a\",\"b\"\r\n\"1\",\"2\"\r\n\"3\"\r\n", StandardCharsets.UTF_8);
    ConvergeException failure = assertThrows(ConvergeException.class, () -> CsvTableFileReader.forEachRow(file, row -> {}));
    assertEquals(ErrorCode.VALIDATION, failure.code());
    assertTrue(failure.getMessage().contains("line 3"), failure.getMessage());
  }

  @Test
  void aTruncatedFileWithAnOpenQuoteIsReportedWithItsLine() throws IOException {
    Path file = directory.resolve("truncated.csv");
    Files.writeString(file, "\"a\",\"b\"\r\n\"1\",\"2\"\r\n\"3\",\"unfinished", StandardCharsets.UTF_8);
    ConvergeException failure = assertThrows(ConvergeException.class, () -> CsvTableFileReader.forEachRow(file, row -> {}));
    assertTrue(failure.getMessage().contains("line 3"), failure.getMessage());
  }

  @Test
  void invalidUtf8IsAnErrorNotAReplacementCharacter() throws IOException {
    Path file = directory.resolve("latin1.csv");
    Files.write(file, new byte[] {'"', 'a', '"', '\r', '\n', '"', (byte) 0xE9, '"', '\r', '\n'});
    ConvergeException failure = assertThrows(ConvergeException.class, () -> CsvTableFileReader.forEachRow(file, row -> {}));
    assertEquals(ErrorCode.VALIDATION, failure.code());
  }

  private Path writeTraps() {
    Path file = directory.resolve("traps.csv");
    try (CsvTableFileWriter writer = CsvTableFileWriter.open(file, List.of("id", "a", "b", "c"))) {
      for (String[] row : TRAPS) {
        writer.write(row);
      }
      writer.finish();
    }
    return file;
  }
  @Test
  void aDamagedFileIsReportedInTheOperatorsWordsWithItsLineAndWhatToDoNeverALibrarysClassName() throws IOException {
    Path cut = Files.writeString(directory.resolve("user_20261122_101530.1.csv"), "\"id\",\"name\"\r\n\"1\",\"ab",
        StandardCharsets.UTF_8);
    Path quote = Files.writeString(directory.resolve("user_20261122_101530.2.csv"),
        "\"id\",\"name\"\r\n\"1\",\"a\"\r\n\"2\",\"b\"c\r\n", StandardCharsets.UTF_8);
    Path bytes = Files.write(directory.resolve("user_20261122_101530.3.csv"),
        new byte[] {'"', 'i', 'd', '"', '\r', '\n', '"', (byte) 0xff, (byte) 0xfe, '"', '\r', '\n'});
    Path missing = directory.resolve("user_20261122_101530.4.csv");
    for (Path file : List.of(cut, quote, bytes, missing)) {
      ConvergeException failure = assertThrows(ConvergeException.class, () -> CsvTableFileReader.read(file, row -> {}));
      String message = failure.getMessage();
      assertEquals(ErrorCode.VALIDATION, failure.code());
      assertTrue(message.startsWith(file.getFileName() + " line "), message);
      assertTrue(message.endsWith("export the table again (converge export --restart) or restore the file"), message);
      assertFalse(message.matches("(?s).*(org\\.apache|java\\.|Exception|Input length).*"), message);
    }
    assertTrue(message(cut).startsWith(cut.getFileName() + " line 2: not valid CSV in converge's dialect: bad quoting"),
        message(cut));
    assertTrue(message(quote).startsWith(quote.getFileName() + " line 3: not valid CSV in converge's dialect: bad quoting"),
        message(quote));
    assertTrue(message(bytes).contains("bytes that are not UTF-8"), message(bytes));
    assertTrue(message(missing).contains("the file is missing"), message(missing));
    ConvergeException header = assertThrows(ConvergeException.class, () -> CsvTableFileReader.header(bytes));
    assertFalse(header.getMessage().contains("Exception"), header.getMessage());
  }

  private static String message(Path file) {
    return assertThrows(ConvergeException.class, () -> CsvTableFileReader.read(file, row -> {})).getMessage();
  }
}
