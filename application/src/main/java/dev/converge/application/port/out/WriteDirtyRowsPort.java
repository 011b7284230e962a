package dev.converge.application.port.out;

import dev.converge.domain.plan.DirtyRow;

/**
 * Writes the plan's dirty rows to the work directory ({@code dirty_rows.csv} and
 * {@code dirty_rows.json}, readable by the owner only: they hold source data), as they are found.
 */
public interface WriteDirtyRowsPort {

  /** Opens new files, replacing the previous plan's. */
  DirtyRows open();

  /** The files being written; {@link #write} is thread-safe, the files are complete once closed. */
  interface DirtyRows extends AutoCloseable {

    void write(DirtyRow row);

    /** The file names, for the operator (e.g. {@code dirty_rows.csv}). */
    String describe();

    @Override
    void close();
  }
}
