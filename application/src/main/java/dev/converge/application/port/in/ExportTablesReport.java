package dev.converge.application.port.in;

import dev.converge.domain.manifest.Manifest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * @param reusedTables tables an earlier, interrupted export had finished, whose files proved intact
 * @param snapshot how this run's snapshot was taken
 * @param lockWait how long the snapshot waited for the global read lock (part of {@code elapsed}, but a
 *     property of the source's load at that moment, not of the data's size)
 * @param staleReused what moved in the source since the kept tables were read, when they were kept anyway
 *     ({@code --reuse-stale-export})
 */
public record ExportTablesReport(Manifest manifest, String savedAs, List<String> reusedTables, String snapshot,
    Duration elapsed, Duration lockWait, Optional<String> staleReused) {

  public ExportTablesReport {
    Objects.requireNonNull(manifest, "manifest");
    reusedTables = List.copyOf(reusedTables);
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(lockWait, "lockWait");
    Objects.requireNonNull(staleReused, "staleReused");
  }
}
