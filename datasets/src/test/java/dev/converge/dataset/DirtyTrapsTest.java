package dev.converge.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DirtyTrapsTest {

  private static final DatasetOptions CLEAN = DatasetOptions.clean(0.0001);
  private static final DatasetOptions DIRTY = CLEAN.withDirtyRows();

  @Test
  void everyDirtyTrapAppearsInExactlyItsRowsWhenDirtyAndNeverWhenClean() {
    for (ReferenceDataset dataset : ReferenceDatasets.all()) {
      for (DirtyTrap trap : dataset.dirtyTraps()) {
        assertEquals(trap.rows(), count(dataset, trap, DIRTY), trap.toString());
        assertEquals(0, count(dataset, trap, CLEAN), trap.toString());
      }
    }
  }

  @Test
  void theDirtyVariantDiffersFromTheCleanOneOnlyInTheListedCells() {
    for (ReferenceDataset dataset : ReferenceDatasets.all()) {
      Set<String> listed =
          dataset.dirtyTraps().stream()
              .map(t -> t.table() + "." + t.column())
              .collect(Collectors.toSet());
      List<String> changed = new ArrayList<>();
      for (GeneratedTable table : dataset.tables()) {
        List<Object[]> clean = CollectedRows.of(dataset, table.name(), CLEAN);
        List<Object[]> dirty = CollectedRows.of(dataset, table.name(), DIRTY);
        for (int row = 0; row < clean.size(); row++) {
          for (int column = 0; column < table.columns().size(); column++) {
            if (!Objects.deepEquals(clean.get(row)[column], dirty.get(row)[column])) {
              changed.add(table.name() + "." + table.columns().get(column));
            }
          }
        }
      }
      assertEquals(listed, Set.copyOf(changed), dataset.name());
      assertEquals(
          dataset.dirtyTraps().stream().mapToLong(DirtyTrap::rows).sum(),
          changed.size(),
          dataset.name());
    }
  }

  @Test
  void theDatasetsTogetherCoverEveryKindOfDirtValue() {
    EnumSet<DirtyKind> kinds = EnumSet.noneOf(DirtyKind.class);
    ReferenceDatasets.all()
        .forEach(dataset -> dataset.dirtyTraps().forEach(trap -> kinds.add(trap.kind())));
    assertEquals(EnumSet.allOf(DirtyKind.class), kinds);
  }

  @Test
  void theOutOfRangeBooleanIsAnIntegerAndTheZeroDateAString() {
    List<Object> serviceProfiles =
        CollectedRows.column(new AlkemioDataset(), "user", "serviceProfile", DIRTY);
    assertTrue(serviceProfiles.contains(2));
    assertTrue(
        CollectedRows.column(new AlkemioDataset(), "credential", "expires", DIRTY)
            .contains("0000-00-00 00:00:00"));
  }

  @Test
  void theCaseInsensitiveDuplicateFoldsOntoTheFirstRecoveryAddress() {
    List<Object> values =
        CollectedRows.column(new KratosDataset(), "identity_recovery_addresses", "value", DIRTY);
    String duplicate = (String) values.get(values.size() - 1);
    assertTrue(!duplicate.equals(values.get(0)), "MySQL stores two different strings");
    assertEquals(values.get(0), duplicate.toLowerCase(Locale.ROOT));
  }

  @Test
  void theTooLongValueFitsTheSourceButNotTheTarget() {
    int length =
        DirtyValues.TOO_LONG_FIRST_NAME.codePointCount(0, DirtyValues.TOO_LONG_FIRST_NAME.length());
    assertTrue(length > 128 && length <= 255, "length " + length);
  }

  private static long count(ReferenceDataset dataset, DirtyTrap trap, DatasetOptions options) {
    return CollectedRows.column(dataset, trap.table(), trap.column(), options).stream()
        .filter(value -> value != null && value.toString().equals(trap.exampleValue()))
        .count();
  }
}
