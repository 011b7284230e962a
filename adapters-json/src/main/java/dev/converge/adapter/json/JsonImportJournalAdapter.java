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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The import journal as {@code import_journal.json}: migration id → committed table → rows. */
public final class JsonImportJournalAdapter implements RecordImportPort {

  static final String FILE_NAME = "import_journal.json";

  private final Path directory;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
  public synchronized void forget(String migrationId) {
    Map<String, Map<String, Long>> journal = read();
    journal.remove(migrationId);
    write(journal);
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
