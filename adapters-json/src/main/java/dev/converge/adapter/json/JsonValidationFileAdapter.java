package dev.converge.adapter.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.converge.application.port.out.RecordValidationPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** The last validation verdict as {@code validation.json} in the work directory. */
public final class JsonValidationFileAdapter implements RecordValidationPort {

  static final String FILE_NAME = "validation.json";

  private final Path directory;
  private final ObjectMapper json = JsonMappers.create();

  public JsonValidationFileAdapter(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  @Override
  public void save(Verdict verdict) {
    try {
      JsonMappers.writeAtomically(json, directory, FILE_NAME, verdict);
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.VALIDATION, "cannot record the validation in " + directory, e);
    }
  }

  @Override
  public Optional<Verdict> latest() {
    Path file = directory.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(json.readValue(file.toFile(), Verdict.class));
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.VALIDATION, "cannot read " + file, e);
    }
  }
}
