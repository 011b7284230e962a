package dev.converge.adapter.mysql;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A uniform sample of at most {@code capacity} keys from a stream of any length (reservoir sampling,
 * Algorithm R): every key offered has the same chance to be kept, memory stays at the capacity, and
 * the same seed over the same stream keeps the same keys.
 */
final class KeyReservoir {

  private final Object[] kept;
  private final SplittableRandom random;
  private long offered;

  KeyReservoir(int capacity, long seed) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a reservoir holds at least one key, not " + capacity);
    }
    this.kept = new Object[capacity];
    this.random = new SplittableRandom(seed);
  }

  void offer(Object key) {
    if (offered < kept.length) {
      kept[(int) offered] = key;
    } else {
      long slot = random.nextLong(offered + 1);
      if (slot < kept.length) {
        kept[(int) slot] = key;
      }
    }
    offered++;
  }

  /** How many keys were offered. */
  long offered() {
    return offered;
  }

  /** The keys kept, in no particular order. */
  List<Object> sample() {
    List<Object> sample = new ArrayList<>((int) Math.min(offered, kept.length));
    for (int i = 0; i < Math.min(offered, kept.length); i++) {
      sample.add(kept[i]);
    }
    return sample;
  }
}
