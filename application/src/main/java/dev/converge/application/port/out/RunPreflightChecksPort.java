package dev.converge.application.port.out;

import dev.converge.domain.plan.DirtyRow;
import dev.converge.domain.plan.Finding;
import dev.converge.domain.plan.PreflightCheck;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Answers, in SQL, the plan's foreign-key orphan checks the data scan cannot answer in its own read
 * (those whose referenced columns the source does not hold unique: the scan answers the others, and
 * everything a row holds by itself), each query bounded in time.
 */
public interface RunPreflightChecksPort {

  /**
   * One finding per {@link PreflightCheck.Kind#ORPHAN} check, in the checks' order, each orphan row
   * also handed to {@code orphans} by key. A check that does not finish within {@code perCheck}, or
   * starts after {@code total} has passed or once {@code stopped} says so, comes back not completed.
   * Runs on its own connection, beside the data scan's readers.
   *
   * @param rowKeys source table → the source columns that name its rows (the target's primary key, as
   *     export names rows); a table without one names rows by position
   */
  List<Finding> run(List<PreflightCheck> checks, Duration perCheck, Duration total, Map<String, List<String>> rowKeys,
      Consumer<DirtyRow> orphans, BooleanSupplier stopped);
}
