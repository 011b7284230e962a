package dev.converge.domain.failure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The target refused a row during COPY. Names the table, the file, the record (the PostgreSQL
 * line, counting the header), the column and value when the server says them, and the server's
 * SQLSTATE and message.
 */
public final class ImportRejectedException extends ConvergeException {

  private final String table;
  private final String file;
  private final long record;
  private final String column;
  private final String value;
  private final String sqlState;

  public ImportRejectedException(String table, String file, long record, String column, String value, String sqlState,
      String serverMessage, Throwable cause) {
    super(ErrorCode.IMPORT, "table " + table + ", file " + file + (record > 0 ? ", CSV record " + record : "")
        + (column == null ? "" : ", column " + column) + (value == null ? "" : ", value " + value)
        + ": PostgreSQL refused it (SQLSTATE " + sqlState + "): " + serverMessage, cause);
    this.table = table;
    this.file = file;
    this.record = record;
    this.column = column;
    this.value = value;
    this.sqlState = sqlState;
  }

  /** The same failure, with the physical line of the file the record starts on. */
  public ImportRejectedException atLine(long line) {
    return new ImportRejectedException(table, file + " line " + line, record, column, value, sqlState,
        getMessage().substring(getMessage().indexOf("): ") + 3), getCause());
  }

  public String table() {
    return table;
  }

  public String file() {
    return file;
  }

  public long record() {
    return record;
  }

  public String column() {
    return column;
  }

  public String value() {
    return value;
  }

  public String sqlState() {
    return sqlState;
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    put(details, "table", table);
    put(details, "file", file);
    put(details, "record", record > 0 ? record : null);
    put(details, "column", column);
    put(details, "value", value);
    put(details, "sqlState", sqlState);
    return details;
  }
}
