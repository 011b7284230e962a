package dev.converge.adapter.json;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.converge.application.port.out.RecordImportPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.converge.domain.manifest.TableManifest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The import journal as {@code import_journal.json} (migration id → committed table → rows) and
 * {@code sync_journal.json} (migration id → source table → the table as sync read it, in the
 * manifest's form): each replaced whole, atomically; forgetting an export forgets both.
 */
public final class JsonImportJournalAdapter implements RecordImportPort {

  static final String FILE_NAME = "import_journal.json";
  static final String SYNC_FILE_NAME = "sync_journal.json";

  private final Path directory;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  // The synced tables in the manifest's own JSON form.
  private final ObjectMapper manifestJson = JsonMappers.create();

  public JsonImportJournalAdapter(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  @Override
  public synchronized Map<String, Long> committed(String migrationId) {
    return Map.copyOf(read().getOrDefault(migrationId, Map.of()));
  }

  @Override
  public synchronized void markCommitted(String migrationId, String table, long rows) {
    Map<String, Map<String, Long>> journal = read();
    journal.computeIfAbsent(migrationId, id -> new LinkedHashMap<>()).put(table, rows);
    write(journal);
  }

  @Override
  public synchronized void markSynced(String migrationId, List<TableManifest> tables) {
    Map<String, Map<String, TableManifest>> journal = readSynced();
    Map<String, TableManifest> entries = journal.computeIfAbsent(migrationId, id -> new LinkedHashMap<>());
    tables.forEach(table -> entries.put(table.sourceTable(), table));
    writeSynced(journal);
  }

  @Override
  public synchronized Map<String, TableManifest> synced(String migrationId) {
    return Map.copyOf(readSynced().getOrDefault(migrationId, Map.of()));
  }

  @Override
  public synchronized void forget(String migrationId) {
    Map<String, Map<String, Long>> journal = read();
    journal.remove(migrationId);
    write(journal);
    Map<String, Map<String, TableManifest>> synced = readSynced();
    if (synced.remove(migrationId) != null) {
      writeSynced(synced);
    }
  }

  private Map<String, Map<String, TableManifest>> readSynced() {
    Path file = directory.resolve(SYNC_FILE_NAME);
    if (!Files.exists(file)) {
      return new LinkedHashMap<>();
    }
    try {
      return manifestJson.readValue(file.toFile(),
          new TypeReference<LinkedHashMap<String, Map<String, TableManifest>>>() {});
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.IMPORT, "cannot read the sync journal " + file + ": " + e.getMessage(), e);
    }
  }

  private void writeSynced(Map<String, Map<String, TableManifest>> journal) {
    try {
      JsonMappers.writeAtomically(manifestJson, directory, SYNC_FILE_NAME, journal);
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.IMPORT, "cannot write the sync journal in " + directory + ": "
          + e.getMessage(), e);
    }
  }

  private Map<String, Map<String, Long>> read() {
    Path file = directory.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return new LinkedHashMap<>();
    }
    try {
      return json.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Map<String, Long>>>() {});
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.IMPORT, "cannot read the import journal " + file + ": " + e.getMessage(), e);
    }
  }

  private void write(Map<String, Map<String, Long>> journal) {
    try {
      JsonMappers.writeAtomically(json, directory, FILE_NAME, journal);
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.IMPORT, "cannot write the import journal in " + directory + ": " + e.getMessage(), e);
    }
  }
}
