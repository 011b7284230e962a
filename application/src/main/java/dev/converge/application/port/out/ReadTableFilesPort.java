package dev.converge.application.port.out;

import java.util.List;
import java.util.function.Consumer;

/**
 * Reads table files from the run's work directory, streaming. A file that is not valid CSV fails
 * with {@link dev.converge.domain.failure.MalformedFileException} naming file and line.
 */
public interface ReadTableFilesPort {

  /** Whether the work directory has a file of this name. */
  boolean exists(String fileName);

  List<String> header(String fileName);

  /**
   * Hands every data row, with the line it starts on, to {@code rows}, digesting the file on the way;
   * returns the row count and the SHA-256 of the file's bytes.
   */
  Read read(String fileName, Consumer<Row> rows);

  /** {@link #read} for callers that need only the rows; returns how many there were. */
  default long forEachRow(String fileName, Consumer<Row> rows) {
    return read(fileName, rows).rows();
  }

  /** One data row; {@code null} values are NULL. */
  record Row(long line, String[] values) {}

  /** A whole file: its data rows and its SHA-256. */
  record Read(long rows, String sha256) {}
}
