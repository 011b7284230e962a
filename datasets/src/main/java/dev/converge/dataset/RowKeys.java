package dev.converge.dataset;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Derives every generated value from (seed, name, row index) alone, so any row of any table can be
 * produced on its own and a child can compute its parent's key without remembering it.
 */
final class RowKeys {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final long MASK_62 = (1L << 62) - 1;
  private static final long UUID_DOMAIN = 0x5555_0000_0000_0001L;
  private static final long RANDOM_DOMAIN = 0x7777_0000_0000_0002L;
  private static final long PICK_DOMAIN = 0x3333_0000_0000_0003L;

  private RowKeys() {}

  /**
   * The lower-case version-4 uuid of row {@code index} of {@code table}. Distinct indexes always
   * give distinct uuids (the low 62 bits are a bijection of the index), so primary keys never
   * collide and an index at or past the row count names a row that does not exist.
   */
  static String uuid(long seed, String table, long index) {
    long salt = salt(seed, table, UUID_DOMAIN);
    long low62 = permute62(index + salt);
    long high = (mix(low62 ^ salt) & ~0xF000L) | 0x4000L;
    long low = low62 | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }

  /**
   * The random stream of row {@code index} of {@code table}; the same arguments, the same stream.
   */
  static SplittableRandom random(long seed, String table, long index) {
    return new SplittableRandom(mix(salt(seed, table, RANDOM_DOMAIN) + index * GOLDEN_GAMMA));
  }

  /**
   * A number in {@code [0, bound)} chosen for row {@code index} and {@code purpose}, independent of
   * the row's random stream so that other rows can recompute it (e.g. a space's parent).
   */
  static long pick(long seed, String purpose, long index, long bound) {
    if (bound < 1) {
      throw new IllegalArgumentException("bound must be positive, was " + bound);
    }
    long bits = mix(salt(seed, purpose, PICK_DOMAIN) + index * GOLDEN_GAMMA) >>> 1;
    return bits % bound;
  }

  private static long salt(long seed, String name, long domain) {
    return mix(mix(seed ^ domain) + name.hashCode() * GOLDEN_GAMMA);
  }

  // SplitMix64's finalizer: a bijection on 64 bits that spreads every input bit.
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  // Odd multipliers and right xor-shifts are each invertible modulo 2^62, so this is a bijection.
  private static long permute62(long x) {
    x &= MASK_62;
    x = (x * 0xBF58476D1CE4E5B9L) & MASK_62;
    x ^= x >>> 29;
    x = (x * 0x94D049BB133111EBL) & MASK_62;
    x ^= x >>> 32;
    return x;
  }
}
