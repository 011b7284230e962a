package dev.converge.application.port.in;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * @param examples how many offending keys (and checklist rows) to list per failed check
 * @param checklists the operator's checklists to run after the automatic checks: file paths or
 *     {@code builtin:NAME}
 * @param databases checklist database aliases pointed at other databases than the checklist names
 * @param checkTimeout the longest one checklist query may run
 * @param parallelism tables read at once on each side (each needs a source and a target connection)
 * @param memoryBudget bytes verify may hold for all tables read at once to compare a changed source
 *     with the export by key without reading it again (16 bytes a source row); a table larger than its
 *     share is read a second time when it changed
 */
public record VerifyMigrationCommand(int examples, List<String> checklists, Map<String, String> databases,
    Duration checkTimeout, Parallelism parallelism, long memoryBudget) {

  public static final Duration DEFAULT_CHECK_TIMEOUT = Duration.ofSeconds(60);
  public static final Parallelism DEFAULT_PARALLELISM = new Parallelism(4);
  public static final long DEFAULT_MEMORY_BUDGET = 128L << 20;

  public VerifyMigrationCommand {
    if (examples < 1) {
      throw new IllegalArgumentException("examples must be at least 1");
    }
    checklists = List.copyOf(checklists);
    databases = Map.copyOf(databases);
    Objects.requireNonNull(checkTimeout, "checkTimeout");
    if (checkTimeout.isNegative() || checkTimeout.isZero()) {
      throw new IllegalArgumentException("checkTimeout must be positive");
    }
    Objects.requireNonNull(parallelism, "parallelism");
    if (memoryBudget < 1L << 20) {
      throw new IllegalArgumentException("--memory-budget must be at least 1MiB, was " + memoryBudget + " bytes");
    }
  }

  /** {@link #DEFAULT_MEMORY_BUDGET}. */
  public VerifyMigrationCommand(int examples, List<String> checklists, Map<String, String> databases,
      Duration checkTimeout, Parallelism parallelism) {
    this(examples, checklists, databases, checkTimeout, parallelism, DEFAULT_MEMORY_BUDGET);
  }

  /** The automatic checks and these checklists, {@link #DEFAULT_PARALLELISM} tables at once. */
  public VerifyMigrationCommand(int examples, List<String> checklists, Map<String, String> databases,
      Duration checkTimeout) {
    this(examples, checklists, databases, checkTimeout, DEFAULT_PARALLELISM);
  }

  /** The automatic checks only, no checklist. */
  public VerifyMigrationCommand(int examples) {
    this(examples, List.of(), Map.of(), DEFAULT_CHECK_TIMEOUT, DEFAULT_PARALLELISM);
  }
}
