package dev.converge.application.service;

import dev.converge.application.port.out.ReadTargetRowsPort;
import dev.converge.domain.conversion.type.TargetType;
import dev.converge.domain.plan.ExistingRows;
import dev.converge.domain.plan.RowDigest;
import dev.converge.domain.plan.TablePlan;
import dev.converge.domain.plan.TableScan;
import java.util.Arrays;
import java.util.List;

/**
 * The rows a target table keeps ({@code --existing-rows keep} or {@code merge-by-primary-key}), read
 * into a table's scan so that a source row repeating one under a unique key is a dirty row: the
 * plan's scan reports them, export sets them aside under {@code --quarantine TABLE:existing-row}.
 * Under merge-by-primary-key the scan also holds a hash of each kept row's content, and reads a kept
 * row back by its key when a source row under the same key differs: the plan lists its differing
 * values, export records them in changes.csv instead of exporting the row.
 */
final class ExistingTargetRows {

  private ExistingTargetRows() {}

  /** Whether the target keeps rows of {@code table} that its source rows may collide with. */
  static boolean kept(TablePlan table) {
    return table.existingRows() > 0 && table.existingRowsHandling() != ExistingRows.TRUNCATE;
  }

  /** Whether the target keeps rows of {@code table} under merge-by-primary-key: a source row under a kept key is not loaded. */
  static boolean merged(TablePlan table) {
    return kept(table) && table.existingRowsHandling() == ExistingRows.MERGE_BY_PRIMARY_KEY;
  }

  /** Streams the target's rows of {@code table} (the planned columns, canonical) into {@code scan}. */
  static void hold(ReadTargetRowsPort targetRows, TablePlan table, TableScan scan) {
    List<TargetType> types = table.columns().stream().map(column -> TargetType.of(column.target())).toList();
    String[] canonical = new String[types.size()];
    boolean merge = table.existingRowsHandling() == ExistingRows.MERGE_BY_PRIMARY_KEY;
    List<String> columns = table.columns().stream().map(column -> column.target().name()).toList();
    targetRows.streamRows(table.targetTable(), columns, values -> {
      for (int i = 0; i < canonical.length; i++) {
        canonical[i] = values[i] == null ? null : types.get(i).canonical(values[i]);
      }
      scan.existingRow(canonical, merge);
    });
    if (merge) {
      // The key's columns in column order, as the scan names rows by them.
      int[] key = RowDigest.keyColumns(table);
      List<String> keyColumns = Arrays.stream(key).mapToObj(columns::get).toList();
      scan.keptRows((keyTexts, keyCanonicals) -> {
        String[][] found = new String[1][];
        targetRows.streamRowsByKey(table.targetTable(), columns, keyColumns, keyTexts, values -> {
          for (int k = 0; k < key.length; k++) {
            String value = values[key[k]];
            if (value == null || !types.get(key[k]).canonical(value).equals(keyCanonicals.get(k))) {
              return; // another row: an adapter may stream more than the key's
            }
          }
          found[0] = values.clone();
        });
        return found[0];
      });
    }
  }
}
