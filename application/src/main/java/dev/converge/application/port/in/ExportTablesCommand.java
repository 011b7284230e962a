package dev.converge.application.port.in;

import dev.converge.domain.plan.RowDecisions;
import java.time.Duration;
import java.util.Objects;

/**
 * @param parallelism tables exported at once (each needs a source connection)
 * @param restart ignore an earlier, unfinished export and start clean
 * @param partBytes a table's file is split into parts of about this many bytes (a part ends after the row
 *     that reaches it), so that {@code migrate} can validate and load a part while the next is exported
 * @param snapshotMode how the readers share one snapshot
 * @param snapshotLockTimeout how long the snapshot may wait for the global read lock
 * @param reuseStaleExport continue an earlier export even though the source moved since it was read
 *     (rehearsals); without it such an export is refused
 * @param decisions the row decisions given to export itself; they must be the plan's (the plan checked
 *     them against the data); none given means the plan's
 */
public record ExportTablesCommand(Parallelism parallelism, boolean restart, long partBytes, SnapshotMode snapshotMode,
    Duration snapshotLockTimeout, boolean reuseStaleExport, RowDecisions decisions) {

  /** 64 MiB: small enough to keep validation and COPY close behind the export, large enough to be few. */
  public static final long DEFAULT_PART_BYTES = 64L << 20;

  /** Five seconds: long enough for ordinary short statements, short enough that no application notices. */
  public static final Duration DEFAULT_SNAPSHOT_LOCK_TIMEOUT = Duration.ofSeconds(5);

  /** Most tables a phase moves at once; the connection pools hold this many and two more. */
  public static final int MAX_PARALLELISM = Parallelism.MAX;

  public ExportTablesCommand {
    Objects.requireNonNull(parallelism, "parallelism");
    if (partBytes < 1) {
      throw new IllegalArgumentException("the part size must be at least 1 byte, was " + partBytes);
    }
    Objects.requireNonNull(snapshotMode, "snapshotMode");
    requireLockTimeout(snapshotLockTimeout);
    decisions = decisions == null ? RowDecisions.NONE : decisions;
  }

  /** The plan's row decisions. */
  public ExportTablesCommand(Parallelism parallelism, boolean restart, long partBytes, SnapshotMode snapshotMode,
      Duration snapshotLockTimeout, boolean reuseStaleExport) {
    this(parallelism, restart, partBytes, snapshotMode, snapshotLockTimeout, reuseStaleExport, RowDecisions.NONE);
  }

  /** The defaults of the snapshot: {@code auto} mode, a 5-second lock bound, a stale export refused. */
  public ExportTablesCommand(Parallelism parallelism, boolean restart, long partBytes) {
    this(parallelism, restart, partBytes, SnapshotMode.AUTO, ExportTablesCommand.DEFAULT_SNAPSHOT_LOCK_TIMEOUT, false);
  }

  /** At least one second: MySQL's {@code lock_wait_timeout} counts whole seconds. */
  public static void requireLockTimeout(Duration timeout) {
    if (timeout == null || timeout.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new dev.converge.domain.failure.ConvergeException(dev.converge.domain.failure.ErrorCode.CONFIGURATION,
          "--snapshot-lock-timeout must be at least 1 s (MySQL's lock_wait_timeout counts whole seconds), was "
          + timeout);
    }
  }

  public ExportTablesCommand(Parallelism parallelism, boolean restart) {
    this(parallelism, restart, DEFAULT_PART_BYTES);
  }
}
