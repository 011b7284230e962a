package dev.converge.domain.sync;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Finds exactly the rows that differ between a table's source and target, by primary key, in
 * bounded memory, without assuming the two sides stream in the same order. Per pass over a slice of
 * the key-hash space: the target's rows go into a {@link RowIndex} (16 bytes a row); then each
 * source row is matched against it — a row of the same key and content is proven equal, any other
 * is handed on to be written (an insert or an update); then, when target rows were left unmatched,
 * the target's keys are streamed once more and those are handed on to be deleted. A table that fits
 * the budget takes one pass; a larger one as many as its slices.
 *
 * <p>{@link #compareAtOnce} reads the two sides at the same time instead, meeting in a
 * {@link MeetingIndex}; a table whose keys do not fit the budget that way is compared in passes.
 */
public final class KeyedDelta {

  /** Target rows handed to the meeting at once (one taking of its lock), when both sides are read at once. */
  private static final int TARGET_BATCH = 256;

  private KeyedDelta() {}

  /** Streams one side's rows (each call a full pass), handing each row's key hash, row hash and payload on. */
  @FunctionalInterface
  public interface RowStream<T> {
    void forEach(RowSink<T> rows);
  }

  /** Receives one row: its key hash, row hash (ignored for key-only streams) and payload (the array may be reused). */
  @FunctionalInterface
  public interface RowSink<T> {
    void accept(long keyHash, long rowHash, T row);
  }

  /** What to do with the rows that differ. */
  public interface Changes<S, K> {
    /** A source row the target lacks ({@code update} false) or holds with other content ({@code update} true). */
    void put(S sourceRow, boolean update);

    /** The key of a target row the source no longer holds. */
    void remove(K targetKey);
  }

  /** Two rows of one side share a key hash: the rows cannot be told apart by it (the caller reloads the table). */
  public static final class KeyHashCollision extends RuntimeException {
    public KeyHashCollision(String side) {
      super("two rows of the " + side + " share a 64-bit key hash", null, false, false);
    }
  }

  /** A table's keys do not fit the memory budget when both sides are read at once: compare it in passes. */
  public static final class Overflow extends RuntimeException {
    public Overflow(int keys) {
      super("more than " + keys + " keys to hold at once", null, false, false);
    }
  }

  /** How a source row outlives the call that handed it on, when it must wait for the target's row. */
  public interface Holding<S> {
    /** A copy of {@code row} that stays valid after the call (the caller may reuse the row's arrays). */
    S hold(S row);

    /** About how many bytes a row held takes. */
    long bytes(S row);
  }

  /** Runs the two sides at the same time and returns once both ended, throwing what either threw. */
  @FunctionalInterface
  public interface Sides {
    void run(Runnable target, Runnable source);
  }

  /**
   * What one table's comparison found.
   *
   * @param passes how many slices the key-hash space took (1 when the table fits the budget)
   * @param equal rows of the same key and content on both sides
   */
  public record Summary(int passes, long equal, long inserted, long updated, long deleted) {
    public boolean same() {
      return inserted == 0 && updated == 0 && deleted == 0;
    }
  }

  /**
   * Compares the two sides.
   *
   * @param capacity the most target rows indexed at once
   * @param target the target's rows (key hash and row hash; the payload is not used)
   * @param source the source's rows, with their payload handed to {@link Changes#put}
   * @param targetKeys the target's keys (row hash ignored), with their payload handed to {@link Changes#remove};
   *     streamed only in passes that leave target rows unmatched
   * @throws KeyHashCollision when two keys of one side share a key hash
   */
  public static <S, K> Summary compare(int capacity, RowStream<?> target, RowStream<S> source,
      RowStream<K> targetKeys, Changes<S, K> changes) {
    Objects.requireNonNull(changes, "changes");
    Deque<KeyRange> remaining = new ArrayDeque<>();
    remaining.add(KeyRange.all());
    int passes = 0;
    long[] counts = new long[4];
    while (!remaining.isEmpty()) {
      KeyRange asked = remaining.poll();
      RowIndex index = new RowIndex(capacity, asked);
      target.forEach((keyHash, rowHash, row) -> index.add(keyHash, rowHash));
      index.seal();
      if (index.duplicateKeys()) {
        throw new KeyHashCollision("target");
      }
      KeyRange range = index.range();
      asked.after(range).ifPresent(remaining::addFirst);
      passes++;
      source.forEach((keyHash, rowHash, row) -> {
        if (!range.contains(keyHash)) {
          return;
        }
        switch (index.match(keyHash, rowHash)) {
          case EQUAL -> counts[0]++;
          case CHANGED -> {
            counts[2]++;
            changes.put(row, true);
          }
          case ABSENT -> {
            counts[1]++;
            changes.put(row, false);
          }
          case DUPLICATE -> throw new KeyHashCollision("source");
        }
      });
      if (index.unseenCount() > 0) {
        targetKeys.forEach((keyHash, rowHash, key) -> {
          if (range.contains(keyHash) && index.unseen(keyHash)) {
            counts[3]++;
            changes.remove(key);
          }
        });
      }
    }
    return new Summary(passes, counts[0], counts[1], counts[2], counts[3]);
  }

  /**
   * Compares the two sides read at the same time, in one pass: the target's rows and the source's
   * meet by key hash as they arrive (see {@link MeetingIndex}); then, when target rows were left
   * unmet, the target's keys are streamed once more and those are handed on to be deleted. The
   * changes may be handed on from either side's thread, one call at a time.
   *
   * @param capacity the most keys indexed at once (17 bytes each; three quarters of them used)
   * @param holdBudget the most bytes of source rows held while they wait for the target's row
   * @throws Overflow when the table's keys do not fit {@code capacity}; changes were handed on already
   *     and must be discarded before the table is compared in passes ({@link #compare})
   * @throws KeyHashCollision when two keys of one side share a key hash
   */
  public static <S, K> Summary compareAtOnce(int capacity, long holdBudget, RowStream<?> target, RowStream<S> source,
      RowStream<K> targetKeys, Changes<S, K> changes, Holding<S> holding, Sides sides) {
    Objects.requireNonNull(changes, "changes");
    Objects.requireNonNull(holding, "holding");
    MeetingIndex<S, K> meeting = new MeetingIndex<>(capacity, changes, holding, holdBudget);
    sides.run(() -> {
      try {
        long[] keys = new long[TARGET_BATCH];
        long[] rows = new long[TARGET_BATCH];
        int[] batched = {0};
        target.forEach((keyHash, rowHash, row) -> {
          keys[batched[0]] = keyHash;
          rows[batched[0]] = rowHash;
          if (++batched[0] == TARGET_BATCH) {
            meeting.targets(keys, rows, TARGET_BATCH);
            batched[0] = 0;
          }
        });
        meeting.targets(keys, rows, batched[0]);
        meeting.targetEnded();
      } catch (RuntimeException | Error e) {
        meeting.abort();
        throw e;
      }
    }, () -> source.forEach(meeting::source));
    long[] deleted = {0};
    if (meeting.unmetTargetRows() > 0) {
      targetKeys.forEach((keyHash, rowHash, key) -> {
        if (meeting.unmetTarget(keyHash)) {
          deleted[0]++;
          changes.remove(key);
        }
      });
    }
    return new Summary(1, meeting.equal(), meeting.inserted(), meeting.updated(), deleted[0]);
  }
}
