package dev.converge.application.service;

import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.TablePlan;
import dev.converge.domain.plan.TableScan;
import java.util.Comparator;
import java.util.List;

/**
 * How a source table is read side by side, for export and for the plan's data scan alike: the
 * largest tables first, and a large table as several primary-key ranges, one reader each.
 */
final class KeyRangeReads {

  /** A table is read as key ranges side by side from this many (estimated) rows per range on. */
  static final long SPLIT_ROWS = 100_000;

  private KeyRangeReads() {}

  /**
   * How many key ranges to read {@code table} as, on up to {@code readers} readers: one per
   * {@link #SPLIT_ROWS} estimated rows, at most one per reader. A range checks the target's keys over
   * its own rows only, so a table with a target unique key besides its primary key (which the ranges
   * keep apart by construction) is read whole, where one check sees every row.
   */
  static int ranges(MigrationPlan plan, TablePlan table, int readers) {
    if (TableScan.targetKeys(plan, table).size() > 1) {
      return 1;
    }
    return (int) Math.max(1, Math.min(readers, table.estimatedRows() / SPLIT_ROWS));
  }

  /** The largest first, so the longest table starts at once (plan order on ties). */
  static List<TablePlan> largestFirst(List<TablePlan> tables) {
    return tables.stream().sorted(Comparator.comparingLong(TablePlan::estimatedRows).reversed()).toList();
  }
}
