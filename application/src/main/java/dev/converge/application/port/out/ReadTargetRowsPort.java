package dev.converge.application.port.out;

import java.util.List;
import java.util.function.Consumer;

/** Reads target tables back, streaming, every value as PostgreSQL's own text ({@code ::text}) in UTC. */
public interface ReadTargetRowsPort {

  /** Streams every row's {@code columns}; {@code null} is NULL; the array is reused; returns the row count. */
  long streamRows(String table, List<String> columns, Consumer<String[]> rows);

  /**
   * Streams at least the rows whose {@code keyColumns} hold {@code keyValues} (each as the text COPY
   * loads, the column's input form), as {@link #streamRows} does; it may stream others, which the
   * caller tells apart. The default reads the whole table; an adapter answers by the key's index.
   */
  default void streamRowsByKey(String table, List<String> columns, List<String> keyColumns, List<String> keyValues,
      Consumer<String[]> rows) {
    streamRows(table, columns, rows);
  }
}
