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
 * to roomy (one pass), and read one after the other or both at once on two threads: the comparison
 * hands on exactly the keys that differ — inserts, updates and deletes — each once, and counts the
 * rest equal.
 */
class KeyedDeltaTest {

  @Property(tries = 300)
  void findsExactlyTheDifferingKeys(@ForAll @IntRange(min = 0, max = 400) int rows,
      @ForAll @IntRange(min = 0, max = 100) int changedPercent, @ForAll @IntRange(min = 2, max = 500) int capacity,
      @ForAll long seed) {
    Random random = new Random(seed);
    Sides sides = sides(rows, changedPercent, random);
    Found found = new Found();
    KeyedDelta.Summary summary = KeyedDelta.compare(capacity, stream(sides.target, random), stream(sides.source, random),
        stream(sides.target, random), found);
    found.assertExactly(sides, summary);
    if (sides.target.size() < capacity) {
      assertEquals(1, summary.passes(), "a table within the budget takes one pass");
    } else {
      assertTrue(summary.passes() >= (sides.target.size() + capacity - 1) / capacity / 2, "passes " + summary.passes());
    }
  }

  /**
   * Both sides at once, each on its own thread, with a budget for held source rows from none (the
   * source waits for the target at every row it reaches first) to roomy: the same exact answer.
   */
  @Property(tries = 200)
  void bothSidesAtOnceFindExactlyTheDifferingKeys(@ForAll @IntRange(min = 0, max = 400) int rows,
      @ForAll @IntRange(min = 0, max = 100) int changedPercent, @ForAll @IntRange(min = 0, max = 50) int heldRows,
      @ForAll long seed) {
    Random random = new Random(seed);
    Sides sides = sides(rows, changedPercent, random);
    Found found = new Found();
    KeyedDelta.Summary summary = KeyedDelta.compareAtOnce(2 * rows + 16, heldRows * 10L,
        stream(sides.target, random), stream(sides.source, random), stream(sides.target, random), found,
        HOLD_AS_IS, KeyedDeltaTest::onTwoThreads);
    found.assertExactly(sides, summary);
    assertEquals(1, summary.passes());
  }

  @Test
  void bothSidesAtOnceOverflowWhenTheKeysDoNotFit() {
    Map<Integer, Integer> side = new HashMap<>();
    for (int key = 0; key < 100; key++) {
      side.put(key, key);
    }
    Random random = new Random(7);
    assertThrows(KeyedDelta.Overflow.class, () -> KeyedDelta.compareAtOnce(64, 1000, stream(side, random),
        stream(side, random), stream(side, random), new Found(), HOLD_AS_IS, KeyedDeltaTest::onTwoThreads));
  }

  @Test
  void aFailingTargetSideReleasesASourceWaitingForIt() {
    // The source reaches its rows first and waits for room (no budget); the target then fails.
    KeyedDelta.RowStream<Integer> failing = rows -> {
      sleep(50);
      throw new IllegalStateException("target connection lost");
    };
    KeyedDelta.RowStream<Integer> source = rows -> {
      for (int key = 0; key < 10; key++) {
        rows.accept(mix(key), key, key);
      }
    };
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> KeyedDelta.compareAtOnce(100, 0,
        failing, source, source, new Found(), HOLD_AS_IS, KeyedDeltaTest::onTwoThreads));
    assertEquals("target connection lost", thrown.getMessage());
  }

  private record Sides(Map<Integer, Integer> source, Map<Integer, Integer> target) {}

  /** Two sides of {@code rows} keys, {@code changedPercent} of them inserted, deleted or updated. */
  private static Sides sides(int rows, int changedPercent, Random random) {
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
    return new Sides(source, target);
  }

  /** The changes handed on (from either side's thread, one call at a time). */
  private static final class Found implements KeyedDelta.Changes<Integer, Integer> {
    final List<Integer> inserts = new ArrayList<>();
    final List<Integer> updates = new ArrayList<>();
    final List<Integer> deletes = new ArrayList<>();

    @Override
    public synchronized void put(Integer key, boolean update) {
      (update ? updates : inserts).add(key);
    }

    @Override
    public synchronized void remove(Integer key) {
      deletes.add(key);
    }

    synchronized void assertExactly(Sides sides, KeyedDelta.Summary summary) {
      Set<Integer> expectedInserts = new HashSet<>();
      Set<Integer> expectedUpdates = new HashSet<>();
      Set<Integer> expectedDeletes = new HashSet<>();
      sides.source.forEach((key, value) -> {
        if (!sides.target.containsKey(key)) {
          expectedInserts.add(key);
        } else if (!sides.target.get(key).equals(value)) {
          expectedUpdates.add(key);
        }
      });
      sides.target.keySet().stream().filter(key -> !sides.source.containsKey(key)).forEach(expectedDeletes::add);
      assertEquals(expectedInserts, new HashSet<>(inserts));
      assertEquals(expectedInserts.size(), inserts.size(), "each insert once");
      assertEquals(expectedUpdates, new HashSet<>(updates));
      assertEquals(expectedUpdates.size(), updates.size(), "each update once");
      assertEquals(expectedDeletes, new HashSet<>(deletes));
      assertEquals(expectedDeletes.size(), deletes.size(), "each delete once");
      assertEquals(sides.source.size() - inserts.size() - updates.size(), summary.equal());
      assertEquals(new KeyedDelta.Summary(summary.passes(), summary.equal(), inserts.size(), updates.size(),
          deletes.size()), summary);
    }
  }

  /** Integers need no copy to be held; each weighs 10 bytes. */
  private static final KeyedDelta.Holding<Integer> HOLD_AS_IS = new KeyedDelta.Holding<>() {
    @Override
    public Integer hold(Integer row) {
      return row;
    }

    @Override
    public long bytes(Integer row) {
      return 10;
    }
  };

  /** The target on a thread of its own, the source on this one; the first failure is thrown once both ended. */
  private static void onTwoThreads(Runnable target, Runnable source) {
    Throwable[] targetFailure = {null};
    Thread other = new Thread(() -> {
      try {
        target.run();
      } catch (Throwable e) {
        targetFailure[0] = e;
      }
    });
    other.start();
    RuntimeException sourceFailure = null;
    try {
      source.run();
    } catch (RuntimeException e) {
      sourceFailure = e;
    }
    try {
      other.join();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    if (targetFailure[0] instanceof RuntimeException e) {
      throw e;
    }
    if (sourceFailure != null) {
      throw sourceFailure;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
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
    assertThrows(KeyedDelta.KeyHashCollision.class, () -> KeyedDelta.compareAtOnce(10, 100, twoKeysOneHash, one, one,
        ignored, HOLD_AS_IS, KeyedDeltaTest::onTwoThreads));
    assertThrows(KeyedDelta.KeyHashCollision.class, () -> KeyedDelta.compareAtOnce(10, 100, one, twoKeysOneHash, one,
        ignored, HOLD_AS_IS, KeyedDeltaTest::onTwoThreads));
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

  /**
   * The side's rows in a random order each pass (the two databases agree on no order); the payload is
   * the key. Each stream has a generator of its own, so a stream read on another thread stays seeded.
   */
  private static KeyedDelta.RowStream<Integer> stream(Map<Integer, Integer> side, Random random) {
    Random own = new Random(random.nextLong());
    return rows -> {
      List<Integer> keys = new ArrayList<>(side.keySet());
      Collections.shuffle(keys, own);
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
