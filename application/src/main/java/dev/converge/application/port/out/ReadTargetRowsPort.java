package dev.converge.application.port.out;

import java.util.List;
import java.util.function.Consumer;

/** Reads target tables back, streaming, every value as PostgreSQL's own text ({@code ::text}) in UTC. */
public interface ReadTargetRowsPort {

  /** Streams every row's {@code columns}; {@code null} is NULL; the array is reused; returns the row count. */
  long streamRows(String table, List<String> columns, Consumer<String[]> rows);

  /**
   * Streams every row's {@code columns} as {@link #streamRows} does, in the order of {@code keyColumns}
   * (the primary key's, by its index: no sort of the whole table). The order is a help, not a promise
   * a caller may rely on for correctness (the default streams in no order): the source's key order
   * under its collation may differ anyway.
   */
  default long streamRowsInKeyOrder(String table, List<String> columns, List<String> keyColumns,
      Consumer<String[]> rows) {
    return streamRows(table, columns, rows);
  }

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
