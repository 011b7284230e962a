package dev.converge.application.port.out;

import dev.converge.domain.schema.SourceColumn;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Streams source tables from one consistent snapshot: every reader of the snapshot sees the
 * database as it was at one instant, so tables exported in parallel still agree with each other.
 */
public interface StreamSourceRowsPort {

  /**
   * Opens a snapshot for up to {@code readers} tables at once. When the login may not take the brief
   * global read lock that makes several connections share one snapshot, the snapshot has a single
   * reader and says so in {@link Snapshot#description()}.
   */
  Snapshot openSnapshot(int readers);

  /** One consistent view of the source; closing it ends its transactions. */
  interface Snapshot extends AutoCloseable {

    /** How many tables may be streamed at the same time. */
    int readers();

    /** For the manifest and the operator: when and how the snapshot was taken (no secrets). */
    String description();

    /**
     * Streams every row of {@code table}'s {@code columns}, in primary-key order when there is one,
     * without holding the table in memory; blocks until done and returns the row count. Thread-safe:
     * up to {@link #readers()} calls may run at once. Values are null, a String in MySQL's text form
     * (temporal and bit columns are read as {@code CAST(… AS CHAR)}), or byte[] for binary columns.
     * The array handed to {@code rows} is reused after it returns.
     */
    long stream(TableRead table, Consumer<Object[]> rows);

    @Override
    void close();
  }

  /** What to read from one table: its columns in CSV order and the key that orders and names rows. */
  record TableRead(String table, List<SourceColumn> columns, List<String> primaryKey) {
    public TableRead {
      Objects.requireNonNull(table, "table");
      columns = List.copyOf(columns);
      primaryKey = List.copyOf(primaryKey);
    }
  }
}
