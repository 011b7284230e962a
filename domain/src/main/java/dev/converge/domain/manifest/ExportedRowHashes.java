package dev.converge.domain.manifest;

import java.util.List;

/**
 * The export's rows of one table as 64-bit hashes, by a 64-bit hash of their primary key, in an
 * open-addressing table of longs (about 34 bytes a row, as {@link KeyHashSet}); each key also
 * records whether the source, streamed afterwards, still holds it and with which content. So one
 * pass over the source tells, per key, whether it was changed, inserted or deleted since the
 * export, without holding any row.
 */
public final class ExportedRowHashes {

  /** What the source holds for a key, compared with the export. */
  public enum SourceState {
    /** The export has the key; the source has not been seen to hold it (after the stream: deleted in the source). */
    NOT_SEEN,
    /** The source holds the key with the export's content. */
    SAME,
    /** The source holds the key with other content. */
    CHANGED,
    /** The export does not have the key. */
    NOT_EXPORTED
  }

  private long[] keys = new long[1 << 10];
  private long[] rows = new long[1 << 10];
  private byte[] states = new byte[1 << 10];
  private int size;
  private long notSeen;

  /** Adds one exported row: its canonical key and the hash {@link ContentChecksum#add(List)} returned for it. */
  public void put(List<String> canonicalKey, long rowHash) {
    put(KeyHashSet.hash(canonicalKey), rowHash);
  }

  /** Adds one exported row by its key's {@link KeyHashSet#hashOf} and its row hash. */
  public void put(long keyHash, long rowHash) {
    long hash = nonZero(keyHash);
    if ((size + 1) * 2L > keys.length) {
      grow();
    }
    int slot = slotOf(hash);
    if (keys[slot] == 0) {
      keys[slot] = hash;
      size++;
      notSeen++;
    }
    rows[slot] = rowHash;
  }

  /** Marks the key as held by the source with this content; returns how it compares with the export. */
  public SourceState seenInSource(List<String> canonicalKey, long rowHash) {
    return seenInSource(KeyHashSet.hash(canonicalKey), rowHash);
  }

  /** As {@link #seenInSource(List, long)}, for the key whose {@link KeyHashSet#hashOf} is {@code keyHash}. */
  public SourceState seenInSource(long keyHash, long rowHash) {
    int slot = slotOf(nonZero(keyHash));
    if (keys[slot] == 0) {
      return SourceState.NOT_EXPORTED;
    }
    SourceState state = rows[slot] == rowHash ? SourceState.SAME : SourceState.CHANGED;
    if (states[slot] == 0) {
      notSeen--;
    }
    states[slot] = (byte) (state.ordinal());
    return state;
  }

  /** How the source compared at this key so far; {@link SourceState#NOT_SEEN} once the stream ended means deleted. */
  public SourceState sourceState(List<String> canonicalKey) {
    return sourceState(KeyHashSet.hash(canonicalKey));
  }

  /** As {@link #sourceState(List)}, for the key whose {@link KeyHashSet#hashOf} is {@code keyHash}. */
  public SourceState sourceState(long keyHash) {
    int slot = slotOf(nonZero(keyHash));
    if (keys[slot] == 0) {
      return SourceState.NOT_EXPORTED;
    }
    return SourceState.values()[states[slot]];
  }

  /** Exported keys the source has not held so far. */
  public long notSeen() {
    return notSeen;
  }

  public int size() {
    return size;
  }

  /** The key's slot, or the empty slot where it would go. */
  private int slotOf(long hash) {
    int mask = keys.length - 1;
    int slot = (int) (hash ^ (hash >>> 32)) & mask;
    while (keys[slot] != 0 && keys[slot] != hash) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static long nonZero(long hash) {
    return hash == 0 ? 1 : hash; // 0 marks an empty slot
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldRows = rows;
    byte[] oldStates = states;
    keys = new long[oldKeys.length * 2];
    rows = new long[oldKeys.length * 2];
    states = new byte[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = slotOf(oldKeys[i]);
        keys[slot] = oldKeys[i];
        rows[slot] = oldRows[i];
        states[slot] = oldStates[i];
      }
    }
  }
}
