package dev.converge.domain.manifest;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Remembers the primary keys of one table as 64-bit hashes of their canonical values, in an
 * open-addressing table of longs: about 16 bytes a row, so even a table of tens of millions of rows
 * is checked for duplicates in bounded, predictable memory. Two different keys sharing a hash are
 * possible but unlikely (about one in 10^12 for a million rows); a reported duplicate names both
 * lines so the operator can look.
 */
public final class KeyHashSet {

  private long[] hashes = new long[1 << 16];
  private long[] lines = new long[1 << 16];
  private int size;

  /** Adds a key; returns the line of an earlier row with the same key, or -1 when it is new. */
  public long add(List<String> canonicalKey, long line) {
    if ((size + 1) * 2L > hashes.length) {
      grow();
    }
    long hash = slotHash(canonicalKey);
    int slot = find(hash);
    if (hashes[slot] == hash) {
      return lines[slot];
    }
    hashes[slot] = hash;
    lines[slot] = line;
    size++;
    return -1;
  }

  /** Adds the key whose {@link #hashOf} is {@code hash} (with no line); returns whether it was new. */
  public boolean addHash(long hash) {
    if ((size + 1) * 2L > hashes.length) {
      grow();
    }
    long held = hash == 0 ? 1 : hash;
    int slot = find(held);
    if (hashes[slot] == held) {
      return false;
    }
    hashes[slot] = held;
    size++;
    return true;
  }

  /** Whether a key with the same hash was added (a different key sharing the hash also answers true). */
  public boolean contains(List<String> canonicalKey) {
    return hashes[find(slotHash(canonicalKey))] != 0;
  }

  /** Whether a key whose {@link #hashOf} is {@code hash} was added. */
  public boolean containsHash(long hash) {
    return hashes[find(hash == 0 ? 1 : hash)] != 0;
  }

  /** What {@link #lineOf} answers for a key never added. */
  public static final long ABSENT = Long.MIN_VALUE;

  /** The line recorded with the key's hash, or {@link #ABSENT}. */
  public long lineOf(List<String> canonicalKey) {
    int slot = find(slotHash(canonicalKey));
    return hashes[slot] != 0 ? lines[slot] : ABSENT;
  }

  /** The key's hash as the table holds it: 0 marks an empty slot, so a hash of 0 is held as 1. */
  private static long slotHash(List<String> canonicalKey) {
    long hash = hash(canonicalKey);
    return hash == 0 ? 1 : hash;
  }

  /** The slot holding {@code hash}, or the empty slot where it would go. */
  private int find(long hash) {
    int mask = hashes.length - 1;
    int slot = (int) (hash ^ (hash >>> 32)) & mask;
    while (hashes[slot] != 0 && hashes[slot] != hash) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** The 64-bit hash a key is held by (as a number to record with another key). */
  public static long hashOf(List<String> canonicalKey) {
    return hash(canonicalKey);
  }

  private void grow() {
    long[] oldHashes = hashes;
    long[] oldLines = lines;
    hashes = new long[oldHashes.length * 2];
    lines = new long[oldLines.length * 2];
    int mask = hashes.length - 1;
    for (int i = 0; i < oldHashes.length; i++) {
      if (oldHashes[i] != 0) {
        int slot = (int) (oldHashes[i] ^ (oldHashes[i] >>> 32)) & mask;
        while (hashes[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        hashes[slot] = oldHashes[i];
        lines[slot] = oldLines[i];
      }
    }
  }

  static long hash(List<String> key) {
    StringBuilder encoded = new StringBuilder();
    for (String part : key) {
      encoded.append(part == null ? "\u0000N" : part.length() + ":" + part);
    }
    byte[] bytes = encoded.toString().getBytes(StandardCharsets.UTF_8);
    return ContentChecksum.murmur3(bytes, bytes.length)[0];
  }
}
