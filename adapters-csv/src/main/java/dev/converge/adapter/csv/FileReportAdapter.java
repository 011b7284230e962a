package dev.converge.adapter.csv;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.application.port.out.WriteReportPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/** Reports as {@code <name>.md} and {@code <name>.json} in the work directory. */
public final class FileReportAdapter implements WriteReportPort {

  private final Path directory;
  private final ObjectMapper json = JsonMappers.create();

  public FileReportAdapter(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  @Override
  public String write(String name, String markdown, Object report) {
    Path text = directory.resolve(name + ".md");
    try {
      WorkFiles.createDirectories(directory);
      WorkFiles.write(text, markdown.getBytes(StandardCharsets.UTF_8));
      WorkFiles.write(directory.resolve(name + ".json"), json.writeValueAsBytes(report));
      return text.toString();
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.VERIFICATION, "cannot write the report " + name + " in " + directory, e);
    }
  }
}
