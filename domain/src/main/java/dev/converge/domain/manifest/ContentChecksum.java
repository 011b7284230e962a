package dev.converge.domain.manifest;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An order-independent checksum of a table's content: each row's canonical values are hashed to
 * 128 bits (MurmurHash3 x64/128 over a length-prefixed encoding, so that no two different rows
 * encode alike), and the row hashes are added modulo 2^128. Adding, rather than xor-ing, means a
 * row present twice does not cancel out. The same rows in any order give the same checksum; the
 * export computes it from the CSV values, verify from PostgreSQL.
 */
public final class ContentChecksum {

  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private long high;
  private long low;
  private long rows;
  private long lastLow;
  private byte[] buffer = new byte[1024];

  /**
   * Adds one row: its canonical values in column order, {@code null} for NULL.
   *
   * @return the row's own 64-bit hash (the high half of its 128), for comparing one row by key
   */
  public long add(List<String> canonicalValues) {
    int length = 0;
    for (String value : canonicalValues) {
      length = encode(value, length);
    }
    long[] hash = murmur3(buffer, length);
    lastLow = hash[1];
    addRow(hash[0], hash[1]);
    return hash[0];
  }

  /** The low 64 bits of the 128-bit hash of the row last {@link #add added} (the high half is what add returned). */
  public long lastRowLow() {
    return lastLow;
  }

  /** Adds one row by its 128-bit hash, as {@link #add} computed it for the same values (high and low halves). */
  public void addRow(long rowHigh, long rowLow) {
    long sum = low + rowLow;
    // Carry into the high half when the low half wraps (unsigned overflow).
    high += rowHigh + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
    low = sum;
    rows++;
  }

  /** Combines another part's checksum of the same table (a table exported in parts, or in parallel). */
  public void add(ContentChecksum part) {
    long sum = low + part.low;
    high += part.high + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
    low = sum;
    rows += part.rows;
  }

  public long rows() {
    return rows;
  }

  /** 32 lower-case hex digits. */
  public String hex() {
    return String.format("%016x%016x", high, low);
  }

  /** NULL is the length -1; a value is its UTF-8 length then its bytes. */
  private int encode(String value, int at) {
    if (value == null) {
      ensure(at + 4);
      return writeInt(-1, at);
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    ensure(at + 4 + bytes.length);
    int next = writeInt(bytes.length, at);
    System.arraycopy(bytes, 0, buffer, next, bytes.length);
    return next + bytes.length;
  }

  private int writeInt(int value, int at) {
    buffer[at] = (byte) (value >>> 24);
    buffer[at + 1] = (byte) (value >>> 16);
    buffer[at + 2] = (byte) (value >>> 8);
    buffer[at + 3] = (byte) value;
    return at + 4;
  }

  private void ensure(int capacity) {
    if (capacity > buffer.length) {
      buffer = java.util.Arrays.copyOf(buffer, Math.max(capacity, buffer.length * 2));
    }
  }

  /** MurmurHash3_x64_128 with seed 0, as published by Austin Appleby (the tail switch falls through on purpose). */
  @SuppressWarnings("fallthrough")
  static long[] murmur3(byte[] data, int length) {
    long h1 = 0;
    long h2 = 0;
    int blocks = length / 16;
    for (int i = 0; i < blocks; i++) {
      long k1 = littleEndianLong(data, i * 16);
      long k2 = littleEndianLong(data, i * 16 + 8);
      k1 *= C1;
      k1 = Long.rotateLeft(k1, 31);
      k1 *= C2;
      h1 ^= k1;
      h1 = Long.rotateLeft(h1, 27);
      h1 += h2;
      h1 = h1 * 5 + 0x52dce729;
      k2 *= C2;
      k2 = Long.rotateLeft(k2, 33);
      k2 *= C1;
      h2 ^= k2;
      h2 = Long.rotateLeft(h2, 31);
      h2 += h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    long k1 = 0;
    long k2 = 0;
    int tail = blocks * 16;
    switch (length & 15) {
      case 15: k2 ^= (long) (data[tail + 14] & 0xff) << 48;
      case 14: k2 ^= (long) (data[tail + 13] & 0xff) << 40;
      case 13: k2 ^= (long) (data[tail + 12] & 0xff) << 32;
      case 12: k2 ^= (long) (data[tail + 11] & 0xff) << 24;
      case 11: k2 ^= (long) (data[tail + 10] & 0xff) << 16;
      case 10: k2 ^= (long) (data[tail + 9] & 0xff) << 8;
      case 9:
        k2 ^= data[tail + 8] & 0xff;
        k2 *= C2;
        k2 = Long.rotateLeft(k2, 33);
        k2 *= C1;
        h2 ^= k2;
      case 8: k1 ^= (long) (data[tail + 7] & 0xff) << 56;
      case 7: k1 ^= (long) (data[tail + 6] & 0xff) << 48;
      case 6: k1 ^= (long) (data[tail + 5] & 0xff) << 40;
      case 5: k1 ^= (long) (data[tail + 4] & 0xff) << 32;
      case 4: k1 ^= (long) (data[tail + 3] & 0xff) << 24;
      case 3: k1 ^= (long) (data[tail + 2] & 0xff) << 16;
      case 2: k1 ^= (long) (data[tail + 1] & 0xff) << 8;
      case 1:
        k1 ^= data[tail] & 0xff;
        k1 *= C1;
        k1 = Long.rotateLeft(k1, 31);
        k1 *= C2;
        h1 ^= k1;
      default:
        break;
    }
    h1 ^= length;
    h2 ^= length;
    h1 += h2;
    h2 += h1;
    h1 = mix(h1);
    h2 = mix(h2);
    h1 += h2;
    h2 += h1;
    return new long[] {h1, h2};
  }

  private static long littleEndianLong(byte[] data, int at) {
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (data[at + i] & 0xff);
    }
    return value;
  }

  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
