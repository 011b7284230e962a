package dev.converge.domain.sync;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where a table's two sides meet when both are read at the same time: one open-addressing table of
 * key hashes (a key hash, a row hash and a state per slot, 17 bytes), filled by the target's rows on
 * one thread and the source's rows on another, in any order. A row whose key the other side already
 * delivered is decided at once — equal, or handed on to be written. A source row that arrives first
 * is held (its payload kept) until the target's row with its key arrives or the target ends; while
 * the held rows exceed their budget the source waits, so memory stays bounded whatever the two
 * orders are: the target never waits, and once it ended every source row is decided at once.
 *
 * <p>Every {@link KeyedDelta.Changes} call is made under the index's lock, from either thread.
 */
final class MeetingIndex<S, K> {

  private static final byte EMPTY = 0;
  /** A target row no source row met (yet). */
  private static final byte TARGET = 1;
  /** A source row that came first and is held. */
  private static final byte HELD = 2;
  /** A key both sides delivered. */
  private static final byte MET = 3;
  /** A source row that came after the target ended without its key: written as an insert. */
  private static final byte SOURCE_ONLY = 4;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition roomToHold = lock.newCondition();
  private final int maxSlots;
  private final KeyedDelta.Changes<S, K> changes;
  private final KeyedDelta.Holding<S> holding;
  private final long holdBudget;
  private final Map<Long, S> held = new HashMap<>();
  private long heldBytes;
  private long[] keys;
  private long[] rows;
  private byte[] states;
  private int used;
  private int unmetTarget;
  private boolean targetEnded;
  private boolean aborted;
  private long equal;
  private long inserted;
  private long updated;

  /**
   * @param capacity the most slots (17 bytes each; three quarters of them may be used)
   * @param holdBudget the most bytes of source rows held before the source waits for the target
   */
  MeetingIndex(int capacity, KeyedDelta.Changes<S, K> changes, KeyedDelta.Holding<S> holding, long holdBudget) {
    int most = Math.max(16, capacity);
    this.maxSlots = most;
    this.changes = changes;
    this.holding = holding;
    this.holdBudget = holdBudget;
    int initial = Math.min(most, 1 << 12);
    keys = new long[initial];
    rows = new long[initial];
    states = new byte[initial];
  }

  /** The next {@code count} target rows, under one taking of the lock (the target streams fast). */
  void targets(long[] keyHashes, long[] rowHashes, int count) {
    lock.lock();
    try {
      for (int i = 0; i < count; i++) {
        meetTarget(keyHashes[i], rowHashes[i]);
      }
    } finally {
      lock.unlock();
    }
  }

  /** One target row, the lock held. */
  private void meetTarget(long keyHash, long rowHash) {
    int at = slot(keyHash);
    switch (states[at]) {
      case EMPTY -> {
        insert(at, keyHash, rowHash, TARGET);
        unmetTarget++;
      }
      case HELD -> {
        states[at] = MET;
        S row = held.remove(keyHash);
        heldBytes -= holding.bytes(row);
        decide(rows[at], rowHash, row);
        if (heldBytes <= holdBudget) {
          roomToHold.signalAll();
        }
      }
      default -> throw new KeyedDelta.KeyHashCollision("target");
    }
  }

  /** The target delivered all its rows: every held source row is one it lacks. */
  void targetEnded() {
    lock.lock();
    try {
      targetEnded = true;
      for (Map.Entry<Long, S> entry : held.entrySet()) {
        states[slot(entry.getKey())] = SOURCE_ONLY;
        inserted++;
        changes.put(entry.getValue(), false);
      }
      held.clear();
      heldBytes = 0;
      roomToHold.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The other side failed: a source waiting for room stops waiting. */
  void abort() {
    lock.lock();
    try {
      aborted = true;
      roomToHold.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** One source row (the array may be reused by the caller: a row held is {@link KeyedDelta.Holding#hold kept}). */
  void source(long keyHash, long rowHash, S row) {
    lock.lock();
    try {
      int at = slot(keyHash);
      switch (states[at]) {
        case EMPTY -> {
          if (targetEnded) {
            insert(at, keyHash, rowHash, SOURCE_ONLY);
            inserted++;
            changes.put(row, false);
            return;
          }
          insert(at, keyHash, rowHash, HELD);
          S kept = holding.hold(row);
          held.put(keyHash, kept);
          heldBytes += holding.bytes(kept);
          while (heldBytes > holdBudget && !targetEnded && !aborted) {
            try {
              roomToHold.await();
            } catch (InterruptedException e) {
              // Stopped by the operator: the caller's next row sees the interrupt and stops the read.
              Thread.currentThread().interrupt();
              return;
            }
          }
        }
        case TARGET -> {
          states[at] = MET;
          unmetTarget--;
          decide(rows[at], rowHash, row);
        }
        default -> throw new KeyedDelta.KeyHashCollision("source");
      }
    } finally {
      lock.unlock();
    }
  }

  /** A key both sides hold: equal, or the source's row handed on as an update. */
  private void decide(long one, long other, S row) {
    if (one == other) {
      equal++;
    } else {
      updated++;
      changes.put(row, true);
    }
  }

  /** Whether {@code keyHash} is a target row no source row met; only once both sides ended. */
  boolean unmetTarget(long keyHash) {
    lock.lock();
    try {
      return states[slot(keyHash)] == TARGET;
    } finally {
      lock.unlock();
    }
  }

  int unmetTargetRows() {
    return unmetTarget;
  }

  long equal() {
    return equal;
  }

  long inserted() {
    return inserted;
  }

  long updated() {
    return updated;
  }

  /** The slot holding {@code keyHash}, or the empty slot where it would go. */
  private int slot(long keyHash) {
    int length = keys.length;
    // The high half of the mixed hash scaled to the table's length: any length, no modulo.
    int at = (int) (((mix(keyHash) >>> 32) * length) >>> 32);
    while (states[at] != EMPTY && keys[at] != keyHash) {
      if (++at == length) {
        at = 0;
      }
    }
    return at;
  }

  /** Puts a key into its empty slot (growing the table first when it is three quarters full). */
  private void insert(int at, long keyHash, long rowHash, byte state) {
    if ((used + 1) * 4L > keys.length * 3L) {
      if (keys.length >= maxSlots) {
        throw new KeyedDelta.Overflow((int) (maxSlots * 3L / 4));
      }
      grow();
      at = slot(keyHash);
    }
    keys[at] = keyHash;
    rows[at] = rowHash;
    states[at] = state;
    used++;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldRows = rows;
    byte[] oldStates = states;
    int length = (int) Math.min(maxSlots, oldKeys.length * 2L);
    keys = new long[length];
    rows = new long[length];
    states = new byte[length];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldStates[i] != EMPTY) {
        int at = slot(oldKeys[i]);
        keys[at] = oldKeys[i];
        rows[at] = oldRows[i];
        states[at] = oldStates[i];
      }
    }
  }

  /** Spreads a key hash over the slots (the low bits of a key hash may be weak). */
  private static long mix(long hash) {
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    return hash;
  }
}
