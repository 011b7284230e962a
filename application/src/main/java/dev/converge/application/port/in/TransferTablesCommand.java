package dev.converge.application.port.in;

import java.time.Duration;

/**
 * @param exportParallelism tables exported at once (each on its own source connection)
 * @param loadParallelism tables validated at once, and tables loaded at once (each on its own target connection)
 * @param partBytes the size of a table's file parts (see {@link ExportTablesCommand#partBytes()})
 * @param problemsPerTable how many validation problems to list for a failing table
 * @param restartExport export every table again, even from a finished or unfinished earlier export
 * @param restartImport load every table again, even those an earlier run committed
 * @param snapshotMode how the export's readers share one snapshot
 * @param snapshotLockTimeout how long the snapshot may wait for the global read lock
 * @param reuseStaleExport continue an earlier export even though the source moved since it was read
 */
public record TransferTablesCommand(Parallelism exportParallelism, Parallelism loadParallelism, long partBytes, int problemsPerTable,
    boolean restartExport, boolean restartImport, SnapshotMode snapshotMode, Duration snapshotLockTimeout,
    boolean reuseStaleExport) {

  /** The snapshot's defaults, a stale export refused. */
  public TransferTablesCommand(Parallelism exportParallelism, Parallelism loadParallelism, long partBytes, int problemsPerTable,
      boolean restartExport, boolean restartImport) {
    this(exportParallelism, loadParallelism, partBytes, problemsPerTable, restartExport, restartImport,
        SnapshotMode.AUTO, ExportTablesCommand.DEFAULT_SNAPSHOT_LOCK_TIMEOUT, false);
  }

  public TransferTablesCommand {
    java.util.Objects.requireNonNull(exportParallelism, "exportParallelism");
    java.util.Objects.requireNonNull(loadParallelism, "loadParallelism");
    if (partBytes < 1) {
      throw new IllegalArgumentException("the part size must be at least 1 byte, was " + partBytes);
    }
    if (problemsPerTable < 1) {
      throw new IllegalArgumentException("problemsPerTable must be at least 1");
    }
    java.util.Objects.requireNonNull(snapshotMode, "snapshotMode");
    ExportTablesCommand.requireLockTimeout(snapshotLockTimeout);
  }
}
