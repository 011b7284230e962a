package dev.converge.dataset;

/**
 * How to generate a reference dataset: its size, its random seed and whether the dirty rows an old
 * production database contains are mixed in.
 *
 * @param scale 1.0 is the benchmark size (about 2 million rows, over 500 MB of CSV); 0.0001 gives a
 *     few hundred rows; every table keeps at least one row
 * @param seed the same seed and scale always give the same rows, byte for byte
 * @param dirty whether the dirty variant's rows (invalid uuid, zero date, NUL byte, …) are added
 */
public record DatasetOptions(double scale, long seed, boolean dirty) {

  /** The seed the tests, the demo and the benchmark use unless told otherwise. */
  public static final long DEFAULT_SEED = 20_260_101L;

  public DatasetOptions {
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("scale must be a positive number, was " + scale);
    }
  }

  public static DatasetOptions clean(double scale) {
    return new DatasetOptions(scale, DEFAULT_SEED, false);
  }

  /** The same size and seed with the dirty rows mixed in. */
  public DatasetOptions withDirtyRows() {
    return new DatasetOptions(scale, seed, true);
  }

  /**
   * Rows of a table that has {@code rowsAtScaleOne} rows at scale 1.0: {@code max(minimum,
   * round(rowsAtScaleOne * scale))}, so every table keeps the rows its traps need at any scale.
   */
  public long scaledCount(long rowsAtScaleOne, long minimum) {
    if (rowsAtScaleOne < 0 || minimum < 1) {
      throw new IllegalArgumentException(
          "need rowsAtScaleOne >= 0 and minimum >= 1, was " + rowsAtScaleOne + ", " + minimum);
    }
    return Math.max(minimum, Math.round(rowsAtScaleOne * scale));
  }
}
