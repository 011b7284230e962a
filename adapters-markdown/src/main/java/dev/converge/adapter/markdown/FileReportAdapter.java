package dev.converge.adapter.markdown;

import dev.converge.adapter.workdir.WorkFiles;
import dev.converge.application.port.out.RenderJsonPort;
import dev.converge.application.port.out.WriteReportPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reports as {@code <name>.md} and {@code <name>.json} in the work directory: the Markdown the
 * application wrote, and the report rendered through {@link RenderJsonPort} (the one JSON form of
 * converge's documents, owned by adapters-json).
 */
public final class FileReportAdapter implements WriteReportPort {

  private final Path directory;
  private final RenderJsonPort json;

  public FileReportAdapter(Path directory, RenderJsonPort json) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.json = Objects.requireNonNull(json, "json");
  }

  @Override
  public String write(String name, String markdown, Object report) {
    Path text = directory.resolve(name + ".md");
    try {
      WorkFiles.createDirectories(directory);
      WorkFiles.write(text, markdown.getBytes(StandardCharsets.UTF_8));
      WorkFiles.write(directory.resolve(name + ".json"), json.json(report).getBytes(StandardCharsets.UTF_8));
      return text.toString();
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.VERIFICATION, "cannot write the report " + name + " in " + directory, e);
    }
  }
}
