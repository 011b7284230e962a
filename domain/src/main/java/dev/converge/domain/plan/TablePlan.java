package dev.converge.domain.plan;

import java.util.List;
import java.util.Objects;

/**
 * How one source table is copied into one target table.
 *
 * @param columns the copied columns, in the target's column order (the CSV and COPY column list)
 * @param skippedSourceColumns source columns not copied, with the reason
 * @param defaultedTargetColumns target columns that are not loaded and take their default or NULL
 * @param existingRows rows the target table held when the plan was made (a seed migration's)
 * @param level the table's load level: every table it references is in a lower level, or its cycle
 */
public record TablePlan(
    String sourceTable,
    String targetTable,
    List<ColumnPlan> columns,
    List<SkippedColumn> skippedSourceColumns,
    List<SkippedColumn> defaultedTargetColumns,
    List<String> primaryKey,
    long estimatedRows,
    long existingRows,
    ExistingRows existingRowsHandling,
    int level,
    boolean selfReferencing,
    boolean inCycle) {

  public TablePlan {
    Objects.requireNonNull(sourceTable, "sourceTable");
    Objects.requireNonNull(targetTable, "targetTable");
    columns = List.copyOf(columns);
    skippedSourceColumns = List.copyOf(skippedSourceColumns);
    defaultedTargetColumns = List.copyOf(defaultedTargetColumns);
    primaryKey = List.copyOf(primaryKey);
    Objects.requireNonNull(existingRowsHandling, "existingRowsHandling");
  }
}
