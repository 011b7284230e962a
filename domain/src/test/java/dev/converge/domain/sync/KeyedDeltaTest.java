package dev.converge.domain.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Random two sides of a table, in random and different orders, under budgets from tiny (many passes)
 * to roomy (one pass): the comparison hands on exactly the keys that differ — inserts, updates and
 * deletes — each once, and counts the rest equal.
 */
class KeyedDeltaTest {

  @Property(tries = 300)
  void findsExactlyTheDifferingKeys(@ForAll @IntRange(min = 0, max = 400) int rows,
      @ForAll @IntRange(min = 0, max = 100) int changedPercent, @ForAll @IntRange(min = 2, max = 500) int capacity,
      @ForAll long seed) {
    Random random = new Random(seed);
    Map<Integer, Integer> source = new HashMap<>();
    Map<Integer, Integer> target = new HashMap<>();
    for (int key = 0; key < rows; key++) {
      int value = random.nextInt(5);
      boolean changed = random.nextInt(100) < changedPercent;
      int what = changed ? random.nextInt(3) : -1;
      if (what != 0) {
        source.put(key, value);
      }
      if (what != 1) {
        target.put(key, what == 2 ? value + 1 + random.nextInt(3) : value);
      }
    }
    Set<Integer> expectedInserts = new HashSet<>();
    Set<Integer> expectedUpdates = new HashSet<>();
    Set<Integer> expectedDeletes = new HashSet<>();
    source.forEach((key, value) -> {
      if (!target.containsKey(key)) {
        expectedInserts.add(key);
      } else if (!target.get(key).equals(value)) {
        expectedUpdates.add(key);
      }
    });
    target.keySet().stream().filter(key -> !source.containsKey(key)).forEach(expectedDeletes::add);

    List<Integer> inserts = new ArrayList<>();
    List<Integer> updates = new ArrayList<>();
    List<Integer> deletes = new ArrayList<>();
    KeyedDelta.Summary summary = KeyedDelta.compare(capacity, stream(target, random), stream(source, random),
        stream(target, random), new KeyedDelta.Changes<Integer, Integer>() {
          @Override
          public void put(Integer key, boolean update) {
            (update ? updates : inserts).add(key);
          }

          @Override
          public void remove(Integer key) {
            deletes.add(key);
          }
        });

    assertEquals(expectedInserts, new HashSet<>(inserts));
    assertEquals(expectedInserts.size(), inserts.size(), "each insert once");
    assertEquals(expectedUpdates, new HashSet<>(updates));
    assertEquals(expectedUpdates.size(), updates.size(), "each update once");
    assertEquals(expectedDeletes, new HashSet<>(deletes));
    assertEquals(expectedDeletes.size(), deletes.size(), "each delete once");
    assertEquals(source.size() - inserts.size() - updates.size(), summary.equal());
    assertEquals(new KeyedDelta.Summary(summary.passes(), summary.equal(), inserts.size(), updates.size(),
        deletes.size()), summary);
    if (target.size() < capacity) {
      assertEquals(1, summary.passes(), "a table within the budget takes one pass");
    } else {
      assertTrue(summary.passes() >= (target.size() + capacity - 1) / capacity / 2, "passes " + summary.passes());
    }
  }

  @Test
  void twoKeysOfOneHashAreRefusedRatherThanConfused() {
    KeyedDelta.RowStream<Integer> twoKeysOneHash = rows -> {
      rows.accept(42L, 1L, 1);
      rows.accept(42L, 2L, 2);
    };
    KeyedDelta.RowStream<Integer> one = rows -> rows.accept(42L, 1L, 1);
    KeyedDelta.Changes<Integer, Integer> ignored = new KeyedDelta.Changes<>() {
      @Override
      public void put(Integer sourceRow, boolean update) {}

      @Override
      public void remove(Integer targetKey) {}
    };
    assertThrows(KeyedDelta.KeyHashCollision.class, () -> KeyedDelta.compare(10, twoKeysOneHash, one, one, ignored));
    assertThrows(KeyedDelta.KeyHashCollision.class, () -> KeyedDelta.compare(10, one, twoKeysOneHash, one, ignored));
  }

  @Test
  void aRangeIsHalvedUntilItsRowsFitAndTheRestFollows() {
    KeyRange all = KeyRange.all();
    KeyRange lower = all.lowerHalf();
    assertEquals(new KeyRange(0, KeyRange.SLOTS / 2), lower);
    assertEquals(new KeyRange(KeyRange.SLOTS / 2, KeyRange.SLOTS), all.after(lower).orElseThrow());
    assertTrue(all.after(all).isEmpty());
    assertTrue(lower.contains(0x7fff_ffff_ffff_ffffL) && !lower.contains(0x8000_0000_0000_0000L));
  }

  /** The side's rows in a random order each pass (the two databases agree on no order); the payload is the key. */
  private static KeyedDelta.RowStream<Integer> stream(Map<Integer, Integer> side, Random random) {
    return rows -> {
      List<Integer> keys = new ArrayList<>(side.keySet());
      Collections.shuffle(keys, random);
      for (Integer key : keys) {
        rows.accept(mix(key), mix(side.get(key) + 1_000_003L * 7), key);
      }
    };
  }

  /** SplitMix64's finalizer: a bijection, so distinct keys never share a hash here. */
  private static long mix(long value) {
    long z = value + 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
