package dev.converge.adapter.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.converge.adapter.workdir.WorkFiles;
import dev.converge.application.port.out.StorePlanPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.plan.MigrationPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Saves the plan as {@code migration_plan.json} in the work directory (written whole, then renamed). */
public final class JsonPlanFileAdapter implements StorePlanPort {

  static final String FILE_NAME = "migration_plan.json";

  private final Path workDirectory;
  private final ObjectMapper json;

  public JsonPlanFileAdapter(Path workDirectory) {
    this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
    this.json = new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        // A plan written by a newer converge may carry more; reading it must not fail on that alone.
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  @Override
  public String save(MigrationPlan plan) {
    Path file = workDirectory.resolve(FILE_NAME);
    try {
      return WorkFiles.replace(workDirectory, FILE_NAME, json.writeValueAsBytes(plan)).toString();
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "cannot write the plan to " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<MigrationPlan> load() {
    Path file = workDirectory.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(json.readValue(file.toFile(), MigrationPlan.class));
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "cannot read the plan " + file + ": " + e.getMessage(), e);
    }
  }
}
