package dev.converge.application.port.in;

/**
 * @param parallelism tables compared at once (each reads the source on one connection and the target on another)
 * @param memoryBudget bytes the comparison may hold for all tables at once (16 bytes a target row); a table
 *     larger than its share is compared in several passes
 * @param examples how many orphans to name per failed foreign-key check
 */
public record SyncTablesCommand(int parallelism, long memoryBudget, int examples) {

  /** The most tables compared at once: each holds a source and two target connections. */
  public static final int MAX_PARALLELISM = 8;

  public SyncTablesCommand {
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException("--parallel must be between 1 and " + MAX_PARALLELISM + ", was " + parallelism);
    }
    if (memoryBudget < 1L << 20) {
      throw new IllegalArgumentException("--memory-budget must be at least 1MiB, was " + memoryBudget + " bytes");
    }
    if (examples < 0) {
      throw new IllegalArgumentException("--examples cannot be negative, was " + examples);
    }
  }
}
