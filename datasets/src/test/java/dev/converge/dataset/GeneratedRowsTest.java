package dev.converge.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GeneratedRowsTest {

  private static final DatasetOptions SMALL = DatasetOptions.clean(0.001);
  private static final Set<Class<?>> ALLOWED_TYPES =
      Set.of(
          String.class,
          Integer.class,
          Long.class,
          BigDecimal.class,
          Double.class,
          Boolean.class,
          LocalDateTime.class,
          LocalDate.class,
          byte[].class);

  @Test
  void theSameOptionsGiveTheSameRowsByteForByte() {
    for (ReferenceDataset dataset : ReferenceDatasets.all()) {
      assertEquals(
          CollectedRows.digest(dataset, SMALL),
          CollectedRows.digest(dataset, SMALL),
          dataset.name());
      assertEquals(
          CollectedRows.digest(dataset, SMALL.withDirtyRows()),
          CollectedRows.digest(dataset, SMALL.withDirtyRows()),
          dataset.name() + " dirty");
    }
  }

  @Test
  void anotherSeedGivesOtherRows() {
    DatasetOptions otherSeed = new DatasetOptions(0.001, 7, false);
    for (ReferenceDataset dataset : ReferenceDatasets.all()) {
      assertNotEquals(
          CollectedRows.digest(dataset, SMALL),
          CollectedRows.digest(dataset, otherSeed),
          dataset.name());
    }
  }

  @Test
  void everyTableProducesExactlyItsRowCountOfRowsWithOneAllowedValuePerColumn() {
    for (DatasetOptions options :
        List.of(SMALL, SMALL.withDirtyRows(), DatasetOptions.clean(0.0001))) {
      for (ReferenceDataset dataset : ReferenceDatasets.all()) {
        for (GeneratedTable table : dataset.tables()) {
          AtomicLong rows = new AtomicLong();
          table.rows(
              options,
              row -> {
                rows.incrementAndGet();
                assertEquals(table.columns().size(), row.length, table.name());
                for (Object value : row) {
                  if (value != null && !ALLOWED_TYPES.contains(value.getClass())) {
                    fail(table.name() + " produced a " + value.getClass().getName());
                  }
                }
              });
          assertEquals(table.rowCount(options), rows.get(), table.name());
          assertTrue(rows.get() >= 1, table.name() + " must have a row");
        }
      }
    }
  }

  @Test
  void tableAndColumnNamesAreUniqueAndMatchTheDdl() {
    for (ReferenceDataset dataset : ReferenceDatasets.all()) {
      Set<String> names = new HashSet<>();
      for (GeneratedTable table : dataset.tables()) {
        assertTrue(names.add(table.name()), "duplicate table " + table.name());
        assertEquals(table.columns().size(), Set.copyOf(table.columns()).size(), table.name());
      }
      assertTrue(names.containsAll(dataset.tablesNeverCopied()), dataset.name());
    }
  }

  @Test
  void aLargeTableStreamsThroughOneReusedRowArray() {
    GeneratedTable largest = CollectedRows.table(new AlkemioDataset(), "authorization_policy");
    DatasetOptions half = DatasetOptions.clean(0.5);
    AtomicLong rows = new AtomicLong();
    AtomicReference<Object[]> first = new AtomicReference<>();
    largest.rows(
        half,
        row -> {
          first.compareAndSet(null, row);
          assertSame(first.get(), row, "a new array per row would mean per-row garbage");
          rows.incrementAndGet();
        });
    assertEquals(largest.rowCount(half), rows.get());
    assertTrue(rows.get() > 400_000, "scale 0.5 streams hundreds of thousands of rows");
  }
}
