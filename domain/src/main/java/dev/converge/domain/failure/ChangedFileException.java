package dev.converge.domain.failure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An exported file whose bytes are not those the manifest recorded (edited, truncated or replaced
 * since the export), or that held another number of rows: its table is not committed.
 */
public final class ChangedFileException extends ConvergeException {

  private final String table;
  private final String file;

  public ChangedFileException(String table, String file, String message) {
    super(ErrorCode.IMPORT, message, null);
    this.table = Objects.requireNonNull(table, "table");
    this.file = Objects.requireNonNull(file, "file");
  }

  public String table() {
    return table;
  }

  public String file() {
    return file;
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    put(details, "table", table);
    put(details, "file", file);
    return details;
  }
}
