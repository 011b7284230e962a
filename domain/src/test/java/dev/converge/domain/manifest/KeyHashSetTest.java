package dev.converge.domain.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyHashSetTest {

  @Test
  void aRepeatedKeyNamesTheLineItFirstAppearedOn() {
    KeyHashSet keys = new KeyHashSet();
    assertEquals(-1, keys.add(List.of("a", "1"), 2));
    assertEquals(-1, keys.add(List.of("a", "2"), 3));
    assertEquals(-1, keys.add(List.of("a1", ""), 4), "parts are length-prefixed: a|1 is not a1|");
    assertEquals(-1, keys.add(Arrays.asList("a", null), 5));
    assertEquals(2, keys.add(List.of("a", "1"), 6));
  }

  @Test
  void aMillionDistinctKeysAreAllNewAndThenAllFound() {
    KeyHashSet keys = new KeyHashSet();
    for (int i = 0; i < 1_000_000; i++) {
      assertEquals(-1, keys.add(List.of(Integer.toString(i)), i + 2L));
    }
    for (int i = 0; i < 1_000_000; i += 9_973) {
      assertEquals(i + 2L, keys.add(List.of(Integer.toString(i)), -1));
    }
  }
}
