package dev.converge.adapter.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.application.port.out.StoreRunJournalPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.run.RunJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** The run journal as {@code run_journal.json} in the work directory, replaced atomically on each save. */
public final class JsonRunJournalAdapter implements StoreRunJournalPort {

  static final String FILE_NAME = "run_journal.json";

  private final Path directory;
  private final ObjectMapper json = JsonMappers.create();

  public JsonRunJournalAdapter(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  @Override
  public synchronized Optional<RunJournal> load() {
    Path file = directory.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(json.readValue(file.toFile(), RunJournal.class));
    } catch (IOException | RuntimeException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "cannot read the run journal " + file + ": " + e.getMessage()
          + " (move it aside to start a new run in this work directory)", e);
    }
  }

  @Override
  public synchronized void save(RunJournal journal) {
    try {
      JsonMappers.writeAtomically(json, directory, FILE_NAME, journal);
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "cannot write the run journal in " + directory + ": "
          + e.getMessage(), e);
    }
  }
}
