package dev.converge.application.port.out;

import dev.converge.application.port.in.SnapshotMode;
import dev.converge.domain.manifest.SourcePosition;
import dev.converge.domain.schema.SourceColumn;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

  /**
   * Opens a snapshot as {@code request} says: how the readers are made to share it (a bounded global
   * read lock, or lock-free with a proof), with what the wait is about told to
   * {@link SnapshotRequest#notices()}. A source without such a lock (a test fake) opens it as
   * {@link #openSnapshot(int)} does.
   */
  default Snapshot openSnapshot(SnapshotRequest request) {
    return openSnapshot(request.readers());
  }

  /**
   * @param readers tables streamed at once
   * @param mode how the readers share one snapshot
   * @param lockTimeout how long the global read lock may be waited for before the snapshot fails (the
   *     application's writes queue behind a waiting lock request, so this is kept short)
   * @param notices told, now and then, what the snapshot waits for and who blocks it
   */
  record SnapshotRequest(int readers, SnapshotMode mode, Duration lockTimeout, Consumer<String> notices) {
    public SnapshotRequest {
      if (readers < 1) {
        throw new IllegalArgumentException("a snapshot needs at least one reader, was " + readers);
      }
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(lockTimeout, "lockTimeout");
      if (lockTimeout.isNegative() || lockTimeout.isZero()) {
        throw new IllegalArgumentException("the snapshot lock timeout must be positive, was " + lockTimeout);
      }
      Objects.requireNonNull(notices, "notices");
    }
  }

  /** One consistent view of the source; closing it ends its transactions. */
  interface Snapshot extends AutoCloseable {

    /** How many tables may be streamed at the same time. */
    int readers();

    /** For the manifest and the operator: when and how the snapshot was taken (no secrets). */
    String description();

    /**
     * The source's replication position at the snapshot (read before the first reader started, so
     * never later than the snapshot); empty when the source keeps none (no binary log, no GTIDs).
     */
    default Optional<SourcePosition> position() {
      return Optional.empty();
    }

    /** How long the global read lock was waited for (zero without a lock); reported apart from the export's time. */
    default Duration lockWait() {
      return Duration.ZERO;
    }

    /**
     * Streams every row of {@code table}'s {@code columns}, in primary-key order when there is one,
     * without holding the table in memory; blocks until done and returns the row count. Thread-safe:
     * up to {@link #readers()} calls may run at once. Values are null, a String in MySQL's text form
     * (temporal and bit columns are read as {@code CAST(… AS CHAR)}), or byte[] for binary columns.
     * The array handed to {@code rows} is reused after it returns.
     */
    long stream(TableRead table, Consumer<Object[]> rows);

    /**
     * Splits {@code table} by its primary key into at most {@code ranges} key ranges of about the same
     * row count, as this snapshot sees it (so the ranges together hold every row of the snapshot exactly
     * once), for several readers to stream one table at the same time. A table that cannot be split (no
     * single-column key of an orderable type, or too few rows) is one range, {@link KeyRange#ALL}.
     * Occupies one reader while it runs.
     */
    default List<KeyRange> split(TableRead table, int ranges) {
      return List.of(KeyRange.ALL);
    }

    @Override
    void close();
  }

  /**
   * What to read from one table: its columns in CSV order, the key that orders and names rows, and
   * the range of that key to read.
   */
  record TableRead(String table, List<SourceColumn> columns, List<String> primaryKey, KeyRange range) {
    public TableRead {
      Objects.requireNonNull(table, "table");
      columns = List.copyOf(columns);
      primaryKey = List.copyOf(primaryKey);
      Objects.requireNonNull(range, "range");
      if (range != KeyRange.ALL && primaryKey.size() != 1) {
        throw new IllegalArgumentException("only a single-column primary key is read by range, " + table + " has "
            + primaryKey);
      }
    }

    /** The whole table. */
    public TableRead(String table, List<SourceColumn> columns, List<String> primaryKey) {
      this(table, columns, primaryKey, KeyRange.ALL);
    }

    /** The same read, of {@code part} of the table only. */
    public TableRead within(KeyRange part) {
      return new TableRead(table, columns, primaryKey, part);
    }
  }

  /**
   * A range of a single-column primary key as the source orders it: from {@code from} (inclusive) up to
   * {@code to} (exclusive); a null bound is open. The bounds are key values as the source returned them
   * ({@link Snapshot#split}), so the source compares them in the key's own type and collation.
   */
  record KeyRange(Object from, Object to) {
    /** Every row. */
    public static final KeyRange ALL = new KeyRange(null, null);

    /** For the operator: {@code [a, b)}, {@code [a, …)}. */
    public String describe() {
      return "[" + (from == null ? "…" : shown(from)) + ", " + (to == null ? "…" : shown(to)) + ")";
    }

    private static String shown(Object bound) {
      return bound instanceof byte[] bytes ? "0x" + java.util.HexFormat.of().formatHex(bytes) : String.valueOf(bound);
    }
  }
}
