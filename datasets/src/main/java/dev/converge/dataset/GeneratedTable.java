package dev.converge.dataset;

import java.util.List;
import java.util.function.Consumer;

/**
 * One source table of a reference dataset and the deterministic rows that fill it.
 *
 * <p>Values handed to the sink are one of: {@code null}, {@link String}, {@link Integer}, {@link
 * Long}, {@link java.math.BigDecimal}, {@link Double}, {@link Boolean}, {@link
 * java.time.LocalDateTime}, {@link java.time.LocalDate}, {@code byte[]}. A MySQL zero date (dirty
 * variant only) is the {@code String} {@code "0000-00-00 00:00:00"}.
 */
public interface GeneratedTable {

  /** The MySQL table name, exactly as in the source DDL. */
  String name();

  /** The columns the rows fill, in row order; generated (virtual) columns are never listed. */
  List<String> columns();

  /** How many rows {@link #rows} produces for these options; never less than one. */
  long rowCount(DatasetOptions options);

  /**
   * Streams every row in a fixed order. The array passed to the sink may be reused by the caller
   * after the sink returns, so the sink must copy what it keeps.
   */
  void rows(DatasetOptions options, Consumer<Object[]> sink);
}
