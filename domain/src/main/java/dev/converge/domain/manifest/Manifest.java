package dev.converge.domain.manifest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an export produced: the files of every table with their SHA-256, row counts and content
 * checksums, the snapshot they come from, and the plan they follow. Saved after every table, so
 * that an interrupted export resumes from it.
 *
 * @param source the source descriptor ({@code user@host:port/database}, never a password)
 * @param target the target descriptor, likewise
 * @param sourceFingerprint the plan's source schema fingerprint; a resume needs the same
 * @param targetFingerprint the plan's target schema fingerprint
 * @param complete whether every planned table is in {@link #tables()}
 */
public record Manifest(
    String migrationId,
    String source,
    String target,
    String sourceFingerprint,
    String targetFingerprint,
    Instant exportStarted,
    Instant exportFinished,
    boolean complete,
    List<TableManifest> tables) {

  public Manifest {
    Objects.requireNonNull(migrationId, "migrationId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    tables = List.copyOf(tables);
  }

  public Optional<TableManifest> table(String sourceTable) {
    return tables.stream().filter(table -> table.sourceTable().equals(sourceTable)).findFirst();
  }

  public long rows() {
    return tables.stream().mapToLong(TableManifest::rows).sum();
  }
}
