package dev.converge.application.port.out;

import java.util.List;
import java.util.function.Consumer;

/**
 * Reads table files from the run's work directory, streaming. A file that is not valid CSV fails
 * with {@link dev.converge.domain.failure.MalformedFileException} naming file and line.
 */
public interface ReadTableFilesPort {

  List<String> header(String fileName);

  /** Hands every data row, with the line it starts on, to {@code rows}; returns how many there were. */
  long forEachRow(String fileName, Consumer<Row> rows);

  /** One data row; {@code null} values are NULL. */
  record Row(long line, String[] values) {}
}
