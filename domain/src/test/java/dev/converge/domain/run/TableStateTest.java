package dev.converge.domain.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TableStateTest {

  @Test
  void aTableMovesThroughThePhasesInOrder() {
    assertTrue(TableState.PENDING.canMoveTo(TableState.EXPORTED));
    assertTrue(TableState.EXPORTED.canMoveTo(TableState.VALIDATED));
    assertTrue(TableState.VALIDATED.canMoveTo(TableState.IMPORTED));
    assertTrue(TableState.IMPORTED.canMoveTo(TableState.VERIFIED));
  }

  @Test
  void noPhaseCanBeSkipped() {
    assertFalse(TableState.PENDING.canMoveTo(TableState.IMPORTED));
    assertFalse(TableState.EXPORTED.canMoveTo(TableState.IMPORTED));
    assertFalse(TableState.VALIDATED.canMoveTo(TableState.VERIFIED));
  }

  @ParameterizedTest
  @EnumSource(value = TableState.class, names = {"PENDING", "EXPORTED", "VALIDATED", "IMPORTED", "VERIFIED"})
  void everyWorkingStateCanFail(TableState state) {
    assertTrue(state.canMoveTo(TableState.FAILED));
  }

  @Test
  void aFailedTableCanOnlyStartAgain() {
    for (TableState next : TableState.values()) {
      assertTrue(TableState.FAILED.canMoveTo(next) == (next == TableState.PENDING), next.name());
    }
  }
}
