package dev.converge.application.port.out;

import java.util.List;
import java.util.function.Consumer;

/** Reads target tables back, streaming, every value as PostgreSQL's own text ({@code ::text}) in UTC. */
public interface ReadTargetRowsPort {

  /** Streams every row's {@code columns}; {@code null} is NULL; the array is reused; returns the row count. */
  long streamRows(String table, List<String> columns, Consumer<String[]> rows);
}
