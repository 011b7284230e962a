package dev.converge.application.port.out;

import java.util.Map;

/** The import journal: which tables of which manifest are committed in the target, so a re-run skips them. */
public interface RecordImportPort {

  /** Tables committed for this migration id, with their row counts. */
  Map<String, Long> committed(String migrationId);

  void markCommitted(String migrationId, String table, long rows);

  /** Forgets the journal of this migration id ({@code --restart}). */
  void forget(String migrationId);
}
