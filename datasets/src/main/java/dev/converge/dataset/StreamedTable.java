package dev.converge.dataset;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A generated table that computes each row from its index and hands it on at once, holding one row
 * array and nothing else, whatever the row count.
 */
final class StreamedTable implements GeneratedTable {

  /** Fills one row, in column order, from the row's index and its own random stream. */
  @FunctionalInterface
  interface RowWriter {
    void write(long index, SplittableRandom random, Object[] row);
  }

  private final String name;
  private final List<String> columns;
  private final ToLongFunction<DatasetOptions> rowCount;
  private final Function<DatasetOptions, RowWriter> writers;

  /**
   * @param writers makes the writer for one run; it may precompute sizes and offsets from the
   *     options, but must not keep rows
   */
  StreamedTable(
      String name,
      List<String> columns,
      ToLongFunction<DatasetOptions> rowCount,
      Function<DatasetOptions, RowWriter> writers) {
    this.name = Objects.requireNonNull(name, "name");
    this.columns = List.copyOf(columns);
    this.rowCount = Objects.requireNonNull(rowCount, "rowCount");
    this.writers = Objects.requireNonNull(writers, "writers");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public long rowCount(DatasetOptions options) {
    return rowCount.applyAsLong(options);
  }

  @Override
  public void rows(DatasetOptions options, Consumer<Object[]> sink) {
    long count = rowCount(options);
    RowWriter writer = writers.apply(options);
    Object[] row = new Object[columns.size()];
    for (long index = 0; index < count; index++) {
      // Cleared each time so that a writer which skips a nullable column leaves NULL, not the
      // previous row's value.
      Arrays.fill(row, null);
      writer.write(index, RowKeys.random(options.seed(), name, index), row);
      sink.accept(row);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
