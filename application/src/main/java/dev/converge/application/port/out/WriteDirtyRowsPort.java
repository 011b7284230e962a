package dev.converge.application.port.out;

import dev.converge.domain.plan.DirtyRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the plan's dirty rows to the work directory ({@code dirty_rows.csv} and
 * {@code dirty_rows.json}, readable by the owner only: they hold source data), as they are found.
 */
public interface WriteDirtyRowsPort {

  /** Opens new files, replacing the previous plan's. */
  DirtyRows open();

  /** Every row to each of {@code ports} (the CSV file and its JSON twin, each written by its own adapter). */
  static WriteDirtyRowsPort all(List<WriteDirtyRowsPort> ports) {
    List<WriteDirtyRowsPort> each = List.copyOf(ports);
    return () -> {
      List<DirtyRows> open = new ArrayList<>();
      try {
        for (WriteDirtyRowsPort port : each) {
          open.add(port.open());
        }
      } catch (RuntimeException e) {
        open.forEach(files -> {
          try {
            files.close();
          } catch (RuntimeException suppressed) {
            e.addSuppressed(suppressed);
          }
        });
        throw e;
      }
      return new DirtyRows() {
        @Override
        public void write(DirtyRow row) {
          open.forEach(files -> files.write(row));
        }

        @Override
        public String describe() {
          return String.join(" and ", open.stream().map(DirtyRows::describe).toList());
        }

        @Override
        public void close() {
          RuntimeException failure = null;
          for (DirtyRows files : open) {
            try {
              files.close();
            } catch (RuntimeException e) {
              if (failure == null) {
                failure = e;
              } else {
                failure.addSuppressed(e);
              }
            }
          }
          if (failure != null) {
            throw failure;
          }
        }
      };
    };
  }

  /** The files being written; {@link #write} is thread-safe, the files are complete once closed. */
  interface DirtyRows extends AutoCloseable {

    void write(DirtyRow row);

    /** The file names, for the operator (e.g. {@code dirty_rows.csv}). */
    String describe();

    @Override
    void close();
  }
}
