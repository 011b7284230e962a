package dev.converge.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetScaleTest {

  private static long totalRows(DatasetOptions options) {
    long total = 0;
    for (ReferenceDataset dataset : ReferenceDatasets.all()) {
      for (GeneratedTable table : dataset.tables()) {
        total += table.rowCount(options);
      }
    }
    return total;
  }

  @Test
  void scaleOneIsAboutTwoPointTwoMillionRowsWithAuthorizationPoliciesTheLargestTable() {
    DatasetOptions full = DatasetOptions.clean(1);
    long total = totalRows(full);
    assertTrue(total > 2_100_000 && total < 2_400_000, "total " + total);
    long policies =
        CollectedRows.table(new AlkemioDataset(), "authorization_policy").rowCount(full);
    assertTrue(policies > 0.35 * total && policies < 0.45 * total, "policies " + policies);
    for (ReferenceDataset dataset : ReferenceDatasets.all()) {
      for (GeneratedTable table : dataset.tables()) {
        assertTrue(table.rowCount(full) <= policies, table.name());
      }
    }
  }

  @Test
  void theSmallestScaleGivesAFewHundredRowsAndEveryTableAtLeastOne() {
    DatasetOptions tiny = DatasetOptions.clean(0.0001);
    long total = totalRows(tiny);
    assertTrue(total >= 200 && total <= 1_000, "total " + total);
    DatasetOptions tinier = DatasetOptions.clean(1e-9);
    for (ReferenceDataset dataset : ReferenceDatasets.all()) {
      for (GeneratedTable table : dataset.tables()) {
        assertTrue(table.rowCount(tinier) >= 1, table.name());
      }
    }
  }

  @Test
  void aLargerScaleNeverGivesATableFewerRows() {
    List<Double> scales = List.of(1e-6, 0.0001, 0.001, 0.01, 0.1, 0.5, 1.0, 2.0, 10.0);
    for (ReferenceDataset dataset : ReferenceDatasets.all()) {
      for (GeneratedTable table : dataset.tables()) {
        long previous = 0;
        for (double scale : scales) {
          long rows = table.rowCount(DatasetOptions.clean(scale));
          assertTrue(rows >= previous, table.name() + " shrank at scale " + scale);
          previous = rows;
        }
      }
    }
  }

  @Test
  void theDirtyVariantKeepsTheRowCounts() {
    DatasetOptions clean = DatasetOptions.clean(0.01);
    for (ReferenceDataset dataset : ReferenceDatasets.all()) {
      for (GeneratedTable table : dataset.tables()) {
        assertEquals(table.rowCount(clean), table.rowCount(clean.withDirtyRows()), table.name());
      }
    }
  }

  @Test
  void aScaleMustBePositiveAndFinite() {
    assertThrows(IllegalArgumentException.class, () -> DatasetOptions.clean(0));
    assertThrows(IllegalArgumentException.class, () -> DatasetOptions.clean(-1));
    assertThrows(IllegalArgumentException.class, () -> DatasetOptions.clean(Double.NaN));
    assertThrows(
        IllegalArgumentException.class, () -> DatasetOptions.clean(Double.POSITIVE_INFINITY));
  }

  @Test
  void aScaledCountRoundsAndNeverFallsBelowItsMinimum() {
    assertEquals(30_000, DatasetOptions.clean(1).scaledCount(30_000, 6));
    assertEquals(15, DatasetOptions.clean(0.0005).scaledCount(30_000, 6));
    assertEquals(6, DatasetOptions.clean(0.0001).scaledCount(30_000, 6));
    assertThrows(IllegalArgumentException.class, () -> DatasetOptions.clean(1).scaledCount(10, 0));
  }
}
