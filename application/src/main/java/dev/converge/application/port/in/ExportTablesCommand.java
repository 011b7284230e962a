package dev.converge.application.port.in;

/**
 * @param parallelism tables exported at once (each needs a source connection)
 * @param restart ignore an earlier, unfinished export and start clean
 * @param partBytes a table's file is split into parts of about this many bytes (a part ends after the row
 *     that reaches it), so that {@code migrate} can validate and load a part while the next is exported
 */
public record ExportTablesCommand(int parallelism, boolean restart, long partBytes) {

  /** 64 MiB: small enough to keep validation and COPY close behind the export, large enough to be few. */
  public static final long DEFAULT_PART_BYTES = 64L << 20;

  /** Most tables a phase moves at once; the connection pools hold this many and two more. */
  public static final int MAX_PARALLELISM = 32;

  public ExportTablesCommand {
    requireParallelism(parallelism);
    if (partBytes < 1) {
      throw new IllegalArgumentException("the part size must be at least 1 byte, was " + partBytes);
    }
  }

  /** 1 to {@link #MAX_PARALLELISM}: each table at once needs its own connection. */
  public static void requireParallelism(int parallelism) {
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new dev.converge.domain.failure.ConvergeException(dev.converge.domain.failure.ErrorCode.CONFIGURATION,
          "--parallel must be 1 to " + MAX_PARALLELISM + " (each table at once needs its own connection), was "
          + parallelism);
    }
  }

  public ExportTablesCommand(int parallelism, boolean restart) {
    this(parallelism, restart, DEFAULT_PART_BYTES);
  }
}
