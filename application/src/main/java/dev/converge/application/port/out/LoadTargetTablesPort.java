package dev.converge.application.port.out;

import dev.converge.domain.plan.ExistingRows;
import dev.converge.domain.plan.ForeignKeyStrategy;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Loads CSV files into the target with COPY, one table per transaction. */
public interface LoadTargetTablesPort {

  /** Starts a load of {@code tables} with the plan's foreign-key strategy. */
  LoadSession open(ForeignKeyStrategy strategy, List<String> tables);

  /** Empties {@code tables} together, foreign keys notwithstanding (they are all being reset). */
  void emptyTables(List<String> tables);

  /** One import run's loading; {@link #load} may run on several threads at once. */
  interface LoadSession extends AutoCloseable {

    /**
     * In one transaction: handles the rows the table already holds, copies each file (checking the
     * row count COPY reports for it), commits. Fails with
     * {@link dev.converge.domain.failure.ImportRejectedException} when the target rejects a row.
     */
    default long load(TableLoad table) {
      return load(table, bytes -> { });
    }

    /**
     * As {@link #load(TableLoad)}, telling {@code sent} how many bytes of the table's files went to the server
     * so far (for the progress bar). An interrupt of the loading thread cancels the COPY: the
     * table's transaction rolls back and the load fails.
     */
    long load(TableLoad table, java.util.function.LongConsumer sent);

    /**
     * Right after {@code table} committed, on the loading thread: sets each of its serial/identity
     * sequences past its column's maximum, then ANALYZE — so that this tail runs in the table's own
     * lane rather than for every table at the end.
     */
    void settle(String table);

    /**
     * After every table: re-creates the foreign keys a load dropped, then {@link #settle}s each of
     * {@code tables} (those not settled as they committed).
     */
    void finish(List<String> tables);

    @Override
    void close();
  }

  /**
   * One table's load: its files, copied in order in the table's one transaction.
   *
   * @param columns the files' (and COPY's) column list, in file order
   */
  record TableLoad(String table, List<String> columns, List<String> primaryKey, ExistingRows existingRows, Parts parts) {
    public TableLoad {
      Objects.requireNonNull(table, "table");
      columns = List.copyOf(columns);
      primaryKey = List.copyOf(primaryKey);
      Objects.requireNonNull(existingRows, "existingRows");
      Objects.requireNonNull(parts, "parts");
    }

    /** A table in one file that holds {@code expectedRows} rows. */
    public TableLoad(String table, List<String> columns, List<String> primaryKey, ExistingRows existingRows, Path file,
        long expectedRows) {
      this(table, columns, primaryKey, existingRows, Parts.of(List.of(new Part(file, expectedRows))));
    }
  }

  /**
   * A file of a table, the rows the manifest says it holds, and its SHA-256 there (hex), which the
   * load checks over the very bytes it sends: a file changed after it was written or validated is
   * refused before its table commits. A null digest is not checked.
   */
  record Part(Path file, long rows, String sha256) {
    public Part {
      Objects.requireNonNull(file, "file");
    }

    /** A part whose digest is not checked. */
    public Part(Path file, long rows) {
      this(file, rows, null);
    }
  }

  /**
   * A table's files as they become ready: all known up front for {@code import}; for {@code migrate},
   * each as soon as it is exported and validated, while the load's transaction waits for it.
   */
  interface Parts {

    /**
     * The next file, waiting until it is ready; empty once the last was handed out and the table may
     * commit. Throws when the table must not be committed (its validation failed, the run stopped).
     */
    Optional<Part> next() throws InterruptedException;

    static Parts of(List<Part> parts) {
      java.util.Iterator<Part> remaining = List.copyOf(parts).iterator();
      return () -> remaining.hasNext() ? Optional.of(remaining.next()) : Optional.empty();
    }
  }
}
