package dev.converge.adapter.json;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.converge.application.port.in.RollbackTargetReport;
import dev.converge.application.port.out.RecordRollbackPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The rollback journal as {@code rollback_journal.json}: one entry per rollback, oldest first, each
 * with its time (ISO-8601, UTC), mode ({@code truncate} or {@code drop}), the tables and the rows
 * they hold afterwards. Written whole, then renamed.
 */
public final class JsonRollbackJournalAdapter implements RecordRollbackPort {

  static final String FILE_NAME = "rollback_journal.json";

  private final Path directory;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public JsonRollbackJournalAdapter(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  @Override
  public synchronized void record(RollbackTargetReport outcome) {
    List<Map<String, Object>> journal = read();
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("time", outcome.finished().toString());
    entry.put("mode", outcome.mode().name().toLowerCase(Locale.ROOT));
    entry.put("tables", outcome.emptied());
    entry.put("restoredRows", outcome.restored());
    journal.add(entry);
    try {
      JsonMappers.writeAtomically(json, directory, FILE_NAME, journal);
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "the rollback is done, but the rollback journal in "
          + directory + " cannot be written: " + e.getMessage(), e);
    }
  }

  /** Every recorded rollback, oldest first. */
  public synchronized List<Map<String, Object>> read() {
    Path file = directory.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return new ArrayList<>();
    }
    try {
      return json.readValue(file.toFile(), new TypeReference<ArrayList<Map<String, Object>>>() {});
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "cannot read the rollback journal " + file + ": "
          + e.getMessage(), e);
    }
  }
}
