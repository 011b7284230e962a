package dev.converge.application.port.in;

/**
 * @param parallelism tables loaded at once, each on its own connection and transaction
 * @param restart forget which tables an earlier run committed and load every table again
 * @param reuseStaleExport load the export even though the source moved since it was read (rehearsals);
 *     without it such an export is refused
 */
public record ImportTablesCommand(Parallelism parallelism, boolean restart, boolean reuseStaleExport) {

  public ImportTablesCommand {
    java.util.Objects.requireNonNull(parallelism, "parallelism");
  }

  /** A stale export refused. */
  public ImportTablesCommand(Parallelism parallelism, boolean restart) {
    this(parallelism, restart, false);
  }
}
