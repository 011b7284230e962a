package dev.converge.domain.sync;

import java.util.Optional;

/**
 * A slice of the 64-bit key-hash space, by the hash's upper 32 bits: {@code [from, to)} with
 * {@code 0 <= from < to <= 2^32}. A table too large for the memory budget is compared one slice at
 * a time; the slices of all passes together cover the whole space exactly once.
 */
public record KeyRange(long from, long to) {

  /** The upper bound of the whole space: 2^32 slots of the hash's upper 32 bits. */
  public static final long SLOTS = 1L << 32;

  public KeyRange {
    if (from < 0 || to > SLOTS || from >= to) {
      throw new IllegalArgumentException("a key range is [from, to) within [0, 2^32), was [" + from + ", " + to + ")");
    }
  }

  /** Every key. */
  public static KeyRange all() {
    return new KeyRange(0, SLOTS);
  }

  public boolean contains(long keyHash) {
    long slot = keyHash >>> 32;
    return slot >= from && slot < to;
  }

  /** The lower half; fails for a single slot (about 2^32 rows share it: no table is that large). */
  public KeyRange lowerHalf() {
    if (to - from < 2) {
      throw new IllegalStateException("a key range of one slot cannot be halved: more rows share one key-hash slot"
          + " than the memory budget holds");
    }
    return new KeyRange(from, from + (to - from) / 2);
  }

  /** What is left of this range once {@code done} (a lower part of it) is handled; empty when nothing is. */
  public Optional<KeyRange> after(KeyRange done) {
    if (done.from != from || done.to > to) {
      throw new IllegalArgumentException(done + " is not a lower part of " + this);
    }
    return done.to == to ? Optional.empty() : Optional.of(new KeyRange(done.to, to));
  }

  /** Whether this is the whole key-hash space (the table was compared in one pass). */
  public boolean whole() {
    return from == 0 && to == SLOTS;
  }
}
