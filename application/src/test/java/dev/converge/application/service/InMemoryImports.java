package dev.converge.application.service;

import dev.converge.application.port.out.RecordImportPort;
import dev.converge.domain.manifest.TableManifest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The import journal kept in memory, as the JSON adapter keeps it in the work directory. */
class InMemoryImports implements RecordImportPort {

  private final Map<String, Map<String, Long>> committed = new ConcurrentHashMap<>();
  private final Map<String, Map<String, TableManifest>> synced = new ConcurrentHashMap<>();

  @Override
  public Map<String, Long> committed(String migrationId) {
    return Map.copyOf(committed.getOrDefault(migrationId, Map.of()));
  }

  @Override
  public void markCommitted(String migrationId, String table, long rows) {
    committed.computeIfAbsent(migrationId, id -> new ConcurrentHashMap<>()).put(table, rows);
  }

  @Override
  public void markSynced(String migrationId, List<TableManifest> tables) {
    tables.forEach(table -> synced.computeIfAbsent(migrationId, id -> new ConcurrentHashMap<>())
        .put(table.sourceTable(), table));
  }

  @Override
  public Map<String, TableManifest> synced(String migrationId) {
    return Map.copyOf(synced.getOrDefault(migrationId, Map.of()));
  }

  @Override
  public void forget(String migrationId) {
    committed.remove(migrationId);
    synced.remove(migrationId);
  }
}
