package dev.converge.application.port.out;

import java.util.List;
import java.util.function.Consumer;

/**
 * Inserts generated rows into a source table in batches, streaming (reference datasets only).
 * Foreign-key checks are off while it writes, as in a dump restore: the datasets contain cycles,
 * and their dirty variant contains orphans, as real databases do.
 */
public interface WriteSourceRowsPort {

  /**
   * Inserts every row {@code rows} produces into {@code table}'s {@code columns}; returns how many.
   * The array handed to the sink may be reused by the producer after the sink returns.
   */
  long writeRows(String table, List<String> columns, Consumer<Consumer<Object[]>> rows);
}
