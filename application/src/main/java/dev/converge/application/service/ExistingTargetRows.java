package dev.converge.application.service;

import dev.converge.application.port.out.ReadTargetRowsPort;
import dev.converge.domain.conversion.type.TargetType;
import dev.converge.domain.plan.ExistingRows;
import dev.converge.domain.plan.TablePlan;
import dev.converge.domain.plan.TableScan;
import java.util.List;

/**
 * The rows a target table keeps ({@code --existing-rows keep} or {@code merge-by-primary-key}), read
 * into a table's scan so that a source row repeating one under a unique key is a dirty row: the
 * plan's scan reports them, export sets them aside under {@code --quarantine TABLE:existing-row}.
 */
final class ExistingTargetRows {

  private ExistingTargetRows() {}

  /** Whether the target keeps rows of {@code table} that its source rows may collide with. */
  static boolean kept(TablePlan table) {
    return table.existingRows() > 0 && table.existingRowsHandling() != ExistingRows.TRUNCATE;
  }

  /** Streams the target's rows of {@code table} (the planned columns, canonical) into {@code scan}. */
  static void hold(ReadTargetRowsPort targetRows, TablePlan table, TableScan scan) {
    List<TargetType> types = table.columns().stream().map(column -> TargetType.of(column.target())).toList();
    String[] canonical = new String[types.size()];
    boolean merge = table.existingRowsHandling() == ExistingRows.MERGE_BY_PRIMARY_KEY;
    targetRows.streamRows(table.targetTable(), table.columns().stream().map(column -> column.target().name()).toList(),
        values -> {
          for (int i = 0; i < canonical.length; i++) {
            canonical[i] = values[i] == null ? null : types.get(i).canonical(values[i]);
          }
          scan.existingRow(canonical, merge);
        });
  }
}
