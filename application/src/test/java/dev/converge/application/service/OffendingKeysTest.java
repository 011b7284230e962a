package dev.converge.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OffendingKeysTest {

  @Test
  void keysCompareTrimmedAndIgnoringCaseNullIsAKeyOfItsOwnAndEveryRowIsCounted() {
    OffendingKeys target = new OffendingKeys(10);
    OffendingKeys source = new OffendingKeys(10);
    for (String key : Arrays.asList("ab-1", "AB-2", "x", "x", null)) {
      target.add(Arrays.asList(key, "evidence"));
    }
    for (String key : Arrays.asList(" AB-1 ", "ab-2", "null")) {
      source.add(List.of(key));
    }

    OffendingKeys.Missing missing = target.notIn(source);

    assertEquals(3, missing.rows());
    assertEquals(Arrays.asList("x", null), missing.keys());
    assertEquals(5, target.rows());
    assertFalse(target.overflowed());
  }

  @Test
  void pastItsLimitOnlyTheRowsAreCounted() {
    OffendingKeys keys = new OffendingKeys(2);
    for (String key : List.of("a", "b", "c")) {
      keys.add(List.of(key));
    }

    assertTrue(keys.overflowed());
    assertEquals(3, keys.rows());
    assertEquals(List.of("a", "b"), keys.notIn(new OffendingKeys(2)).keys());
  }
}
