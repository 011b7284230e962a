package dev.converge.domain.manifest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One table's rows as one read of the source streamed them, in that order: each row's key hash and
 * row hash (16 bytes a row, in two flat arrays), and the source's own key of every
 * {@value #CHUNK_ROWS}th row. Verify keeps this while it reads the source once for its checksum, so
 * that a source found to differ from its export can be compared with the export by key without
 * reading the source again, and only the few key ranges that hold the rows to show are read back.
 *
 * <p>It holds at most {@code maxRows} rows: past that it lets go of what it held ({@link #complete()}
 * turns false) and the caller falls back to reading the source again.
 */
public final class StreamedRowHashes {

  /** Rows between two recorded source keys: the most a re-read of one differing row's chunk costs. */
  public static final int CHUNK_ROWS = 4_096;

  private final long maxRows;
  private long[] keys;
  private long[] rows;
  private int size;
  private final List<Object> chunkStarts = new ArrayList<>();
  private boolean complete = true;

  /**
   * @param expectedRows how many rows the read is expected to hold (the export's count), to size the arrays once
   * @param maxRows the most rows to hold (the table's share of the memory budget, 16 bytes a row)
   */
  public StreamedRowHashes(long expectedRows, long maxRows) {
    if (maxRows < 0 || expectedRows < 0) {
      throw new IllegalArgumentException("row counts cannot be negative: expected " + expectedRows + ", max " + maxRows);
    }
    this.maxRows = Math.min(maxRows, Integer.MAX_VALUE - 8);
    if (expectedRows > this.maxRows) {
      complete = false;
      keys = new long[0];
      rows = new long[0];
      return;
    }
    // A source that grew a little since the export fits without growing the arrays.
    int initial = (int) Math.min(this.maxRows, expectedRows + expectedRows / 32 + 1_024);
    keys = new long[initial];
    rows = new long[initial];
  }

  /**
   * Records the next row streamed.
   *
   * @param keyHash {@link KeyHashSet#hashOf} of its canonical key
   * @param rowHash the 64-bit hash {@link ContentChecksum#add} gave its canonical values
   * @param sourceKey its key as the source returned it (kept for every {@value #CHUNK_ROWS}th row)
   * @return false once the table holds more rows than it may (nothing is held any longer)
   */
  public boolean add(long keyHash, long rowHash, Object sourceKey) {
    if (!complete) {
      return false;
    }
    if (size == keys.length) {
      long grown = Math.min(maxRows, (long) keys.length + Math.max(1_024, keys.length / 2));
      if (grown <= size) {
        abandon();
        return false;
      }
      keys = Arrays.copyOf(keys, (int) grown);
      rows = Arrays.copyOf(rows, (int) grown);
    }
    if (size % CHUNK_ROWS == 0) {
      chunkStarts.add(sourceKey instanceof byte[] bytes ? bytes.clone() : sourceKey);
    }
    keys[size] = keyHash;
    rows[size] = rowHash;
    size++;
    return true;
  }

  /** Lets go of the room held for rows that never came (to keep the rows for a while). */
  public void trim() {
    if (keys.length > size) {
      keys = Arrays.copyOf(keys, size);
      rows = Arrays.copyOf(rows, size);
    }
  }

  /** Whether every row streamed is held. */
  public boolean complete() {
    return complete;
  }

  /** Rows held. */
  public int size() {
    return size;
  }

  /** The key hash of the row streamed {@code ordinal}th (from 0). */
  public long keyHash(int ordinal) {
    return keys[ordinal];
  }

  /** The row hash of the row streamed {@code ordinal}th (from 0). */
  public long rowHash(int ordinal) {
    return rows[ordinal];
  }

  /**
   * The chunks that hold these rows (ordinals in ascending order), merged where they touch: each as
   * the source key of its first row (inclusive) and of the next chunk's first row (exclusive; null
   * after the last chunk). Reading these key ranges again, in the same snapshot and key order,
   * streams exactly the rows of those chunks.
   */
  public List<SourceKeyRange> rangesHolding(int[] ordinals) {
    List<SourceKeyRange> ranges = new ArrayList<>();
    int first = -1;
    int last = -1;
    for (int ordinal : ordinals) {
      if (ordinal < 0 || ordinal >= size) {
        throw new IllegalArgumentException("no row " + ordinal + " among " + size);
      }
      int chunk = ordinal / CHUNK_ROWS;
      if (first < 0) {
        first = chunk;
      } else if (chunk < last) {
        throw new IllegalArgumentException("the rows must be given in the order they streamed");
      } else if (chunk > last + 1) {
        ranges.add(range(first, last));
        first = chunk;
      }
      last = chunk;
    }
    if (first >= 0) {
      ranges.add(range(first, last));
    }
    return ranges;
  }

  private SourceKeyRange range(int firstChunk, int lastChunk) {
    return new SourceKeyRange(chunkStarts.get(firstChunk),
        lastChunk + 1 < chunkStarts.size() ? chunkStarts.get(lastChunk + 1) : null);
  }

  private void abandon() {
    complete = false;
    keys = new long[0];
    rows = new long[0];
    chunkStarts.clear();
    size = 0;
  }

  /**
   * A range of the source's own key values: from {@code from} (inclusive) up to {@code to} (exclusive,
   * null for open), as the source returned them, so the source compares them in its own order.
   */
  public record SourceKeyRange(Object from, Object to) {}
}
