package dev.converge.domain.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.domain.verification.RowDivergence.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowDivergenceTest {

  private static final List<String> COLUMNS = List.of("id", "name", "open");
  private static final List<String> KEY = List.of("7");
  private static final List<String> ROW = List.of("7", "a", "t");
  private static final List<String> OTHER = List.of("7", "b", "t");

  @Test
  void threeEqualRowsAreNoDivergence() {
    assertNull(RowDivergence.of(KEY, COLUMNS, ROW, true, ROW, ROW));
  }

  @Test
  void theSideThatDiffersFromTheExportIsTheOddOne() {
    RowDivergence source = RowDivergence.of(KEY, COLUMNS, OTHER, true, ROW, ROW);
    assertEquals(List.of(Kind.CHANGED_IN_SOURCE), source.kinds());
    assertTrue(source.sourceOdd());
    assertFalse(source.targetOdd());
    assertEquals("changed in the source since the export (name: source 'b', export 'a', target 'a')", source.describe());

    RowDivergence target = RowDivergence.of(KEY, COLUMNS, ROW, true, ROW, OTHER);
    assertEquals(List.of(Kind.ALTERED_IN_TARGET), target.kinds());
    assertEquals("altered in the target (name: source 'a', export 'a', target 'b')", target.describe());
  }

  @Test
  void aRowMissingOnOneSideSaysWhichSidesHoldIt() {
    assertEquals("inserted in the source since the export (in the source, not in the export or the target)",
        RowDivergence.of(KEY, COLUMNS, ROW, true, null, null).describe());
    assertEquals("deleted in the source since the export (in the export and the target, not in the source)",
        RowDivergence.of(KEY, COLUMNS, null, true, ROW, ROW).describe());
    assertEquals("lost in the load (in the source and the export, not in the target)",
        RowDivergence.of(KEY, COLUMNS, ROW, true, ROW, null).describe());
    assertEquals("added in the target (in the target, not in the source or the export)",
        RowDivergence.of(KEY, COLUMNS, null, true, null, ROW).describe());
  }

  @Test
  void afterASyncTheReferenceIsTheSyncAndARowTheTargetLacksWasDeletedThere() {
    assertEquals("changed in the source since the sync (name: source 'b', sync 'a', target 'a')",
        RowDivergence.of(KEY, COLUMNS, OTHER, true, ROW, ROW).describe("sync"));
    assertEquals("deleted in the target since the sync (in the source and the sync, not in the target)",
        RowDivergence.of(KEY, COLUMNS, ROW, true, ROW, null).describe("sync"));
    assertEquals("altered in the target (name: source 'a', sync 'a', target 'b')",
        RowDivergence.of(KEY, COLUMNS, ROW, true, ROW, OTHER).describe("sync"));
  }

  @Test
  void bothSidesMayHaveMovedAndASourceRowNotKeptIsSaidSo() {
    RowDivergence both = RowDivergence.of(KEY, COLUMNS, OTHER, true, ROW, List.of("7", "a", "f"));
    assertEquals(List.of(Kind.CHANGED_IN_SOURCE, Kind.ALTERED_IN_TARGET), both.kinds());
    assertEquals(2, both.columns().size());

    RowDivergence unknown = RowDivergence.of(KEY, COLUMNS, null, false, ROW, ROW);
    assertEquals(List.of(Kind.CHANGED_IN_SOURCE), unknown.kinds());
    assertTrue(unknown.describe().contains("not kept"), unknown.describe());
  }
}
