package dev.converge.domain.sync;

import java.util.Arrays;

/**
 * One side's rows of a table by primary key, in bounded memory: per row only a 64-bit hash of its
 * canonical key and a 64-bit hash of its canonical row (16 bytes, whatever the row's width), sorted
 * by key hash. The other side's rows are then matched against it one by one, in any order — MySQL's
 * and PostgreSQL's primary-key orders differ for text keys under collations, so no shared order is
 * assumed. A row matched is marked seen; what is left unseen at the end is only on this side.
 *
 * <p>The index holds the rows whose key hash falls in its {@link KeyRange}. When more rows arrive
 * than {@code capacity}, the range is halved (the upper half is dropped, to be handled by another
 * pass), so a table larger than the memory budget is compared in several passes, each over a slice
 * of the key-hash space, never holding more than the budget.
 */
public final class RowIndex {

  /** What the other side's row is, here. */
  public enum Match {
    /** The same key with the same content. */
    EQUAL,
    /** The same key with other content. */
    CHANGED,
    /** A key this side does not hold. */
    ABSENT,
    /** A key matched before: two keys of the other side share a key hash (or a key came twice). */
    DUPLICATE
  }

  private final int capacity;
  private KeyRange range;
  private long[] keys;
  private long[] rows;
  private long[] seen;
  private int size;
  private boolean sealed;
  private boolean duplicateKeys;

  /**
   * @param capacity the most rows held at once (16 bytes each, plus a bit once sealed)
   * @param range the slice of the key-hash space this index is for
   */
  public RowIndex(int capacity, KeyRange range) {
    if (capacity < 2) {
      throw new IllegalArgumentException("a row index holds at least 2 rows, was " + capacity);
    }
    this.capacity = capacity;
    this.range = java.util.Objects.requireNonNull(range, "range");
    int initial = Math.min(capacity, 1024);
    keys = new long[initial];
    rows = new long[initial];
  }

  /** The slice of the key-hash space this index holds now (narrower than asked when the table was too large). */
  public KeyRange range() {
    return range;
  }

  /** Adds one row of this side; a key outside the range is ignored. Not after {@link #seal}. */
  public void add(long keyHash, long rowHash) {
    if (sealed) {
      throw new IllegalStateException("the index is sealed");
    }
    if (!range.contains(keyHash)) {
      return;
    }
    if (size == capacity) {
      narrow();
      if (!range.contains(keyHash)) {
        return;
      }
    }
    if (size == keys.length) {
      int grown = (int) Math.min(capacity, (long) keys.length * 2);
      keys = Arrays.copyOf(keys, grown);
      rows = Arrays.copyOf(rows, grown);
    }
    keys[size] = keyHash;
    rows[size] = rowHash;
    size++;
  }

  /** Halves the range until the rows held fit in it with room to spare. */
  private void narrow() {
    while (size >= capacity) {
      range = range.lowerHalf();
      int kept = 0;
      for (int i = 0; i < size; i++) {
        if (range.contains(keys[i])) {
          keys[kept] = keys[i];
          rows[kept] = rows[i];
          kept++;
        }
      }
      size = kept;
    }
  }

  /** Ends the adding: sorts by key hash; then the other side may be {@link #match matched}. */
  public void seal() {
    sort(keys, rows, 0, size - 1);
    for (int i = 1; i < size; i++) {
      if (keys[i] == keys[i - 1]) {
        duplicateKeys = true;
      }
    }
    seen = new long[(size + 63) >>> 6];
    sealed = true;
  }

  /** Whether two rows of this side share a key hash (then rows cannot be told apart by key hash). */
  public boolean duplicateKeys() {
    requireSealed();
    return duplicateKeys;
  }

  /** Rows held. */
  public int size() {
    return size;
  }

  /** Matches one row of the other side (its key hash must be in {@link #range}) and marks this side's row seen. */
  public Match match(long keyHash, long rowHash) {
    requireSealed();
    int at = find(keyHash);
    if (at < 0) {
      return Match.ABSENT;
    }
    if ((seen[at >>> 6] & (1L << at)) != 0) {
      return Match.DUPLICATE;
    }
    seen[at >>> 6] |= 1L << at;
    return rows[at] == rowHash ? Match.EQUAL : Match.CHANGED;
  }

  /** Whether this side holds {@code keyHash} and no row of the other side matched it. */
  public boolean unseen(long keyHash) {
    requireSealed();
    int at = find(keyHash);
    return at >= 0 && (seen[at >>> 6] & (1L << at)) == 0;
  }

  /** How many rows of this side no row of the other side matched. */
  public int unseenCount() {
    requireSealed();
    int matched = 0;
    for (long word : seen) {
      matched += Long.bitCount(word);
    }
    return size - matched;
  }

  private int find(long keyHash) {
    int at = Arrays.binarySearch(keys, 0, size, keyHash);
    return at < 0 ? -1 : at;
  }

  private void requireSealed() {
    if (!sealed) {
      throw new IllegalStateException("the index is not sealed yet");
    }
  }

  /** Quicksort of {@code keys} carrying {@code rows} along; hashes are random, so a middle pivot is good enough. */
  private static void sort(long[] keys, long[] rows, int low, int high) {
    while (low < high) {
      if (high - low < 16) {
        for (int i = low + 1; i <= high; i++) {
          long key = keys[i];
          long row = rows[i];
          int j = i - 1;
          while (j >= low && keys[j] > key) {
            keys[j + 1] = keys[j];
            rows[j + 1] = rows[j];
            j--;
          }
          keys[j + 1] = key;
          rows[j + 1] = row;
        }
        return;
      }
      long pivot = keys[(low + high) >>> 1];
      int i = low;
      int j = high;
      while (i <= j) {
        while (keys[i] < pivot) {
          i++;
        }
        while (keys[j] > pivot) {
          j--;
        }
        if (i <= j) {
          long key = keys[i];
          keys[i] = keys[j];
          keys[j] = key;
          long row = rows[i];
          rows[i] = rows[j];
          rows[j] = row;
          i++;
          j--;
        }
      }
      // Recurse into the smaller part, loop over the larger: the stack stays logarithmic.
      if (j - low < high - i) {
        sort(keys, rows, low, j);
        low = i;
      } else {
        sort(keys, rows, i, high);
        high = j;
      }
    }
  }
}
