package dev.converge.application.port.out;

import dev.converge.domain.manifest.TableManifest;
import java.util.List;
import java.util.Map;

/**
 * The import journal: what the target holds from this work directory, per export (migration id) —
 * the tables an import committed, so a re-run skips them, and the tables a sync made equal to the
 * source since. After a sync the export's files describe the pre-copy, no longer the target: each
 * synced table's entry is the source as sync read it (rows, content checksum, the position or
 * fingerprint it was read at, the rows set aside and values changed as decided), in the manifest's
 * form without files, and verify and status compare with it.
 */
public interface RecordImportPort {

  /** Tables committed for this migration id, with their row counts. */
  Map<String, Long> committed(String migrationId);

  void markCommitted(String migrationId, String table, long rows);

  /** Records these tables of this export as synced, each replacing its earlier entry. */
  void markSynced(String migrationId, List<TableManifest> tables);

  /** The tables of this export a sync made equal to the source since its load, by source table; empty when none. */
  Map<String, TableManifest> synced(String migrationId);

  /** Forgets the journal of this migration id, what was synced included ({@code --restart}, a rollback). */
  void forget(String migrationId);
}
