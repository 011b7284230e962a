package dev.converge.application.port.in;

/**
 * @param parallelism tables compared at once (each reads the source on one connection and the target on another)
 * @param memoryBudget bytes the comparison may hold for all tables at once (16 bytes a target row); a table
 *     larger than its share is compared in several passes
 * @param examples how many orphans to name per failed foreign-key check
 */
public record SyncTablesCommand(Parallelism parallelism, long memoryBudget, int examples) {

  /** The most tables compared at once: each holds a source and two target connections. */
  public static final int MAX_PARALLELISM = 8;

  public SyncTablesCommand {
    if (parallelism.tables() > MAX_PARALLELISM) {
      throw new dev.converge.domain.failure.ConvergeException(dev.converge.domain.failure.ErrorCode.CONFIGURATION,
          "sync's --parallel must be 1 to " + MAX_PARALLELISM + " (each table holds a source and two target"
              + " connections), was " + parallelism);
    }
    if (memoryBudget < 1L << 20) {
      throw new IllegalArgumentException("--memory-budget must be at least 1MiB, was " + memoryBudget + " bytes");
    }
    if (examples < 0) {
      throw new IllegalArgumentException("--examples cannot be negative, was " + examples);
    }
  }
}
