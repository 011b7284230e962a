package dev.converge.adapter.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.converge.adapter.workdir.WorkFiles;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.manifest.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** The export manifest as JSON in the work directory, replaced whole (written, forced to disk, renamed). */
public final class JsonManifestFileAdapter implements StoreManifestPort {

  private final Path directory;
  // ISO-8601 instants (as the export always wrote them), conversion kinds by name.
  private final ObjectMapper json = JsonMappers.create();

  public JsonManifestFileAdapter(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  @Override
  public String save(Manifest manifest, String fileName) {
    Path file = directory.resolve(fileName);
    try {
      return WorkFiles.replace(directory, fileName, json.writeValueAsBytes(manifest)).toString();
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.EXPORT, "cannot write the manifest " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Stored> latest() {
    if (!Files.isDirectory(directory)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(directory)) {
      // The names carry a yyyyMMdd_HHmmss stamp: the greatest name is the newest manifest.
      Optional<Path> newest = files.filter(path -> {
        String name = path.getFileName().toString();
        return name.startsWith("migration_manifest_") && name.endsWith(".json");
      }).max(Comparator.comparing(path -> path.getFileName().toString()));
      if (newest.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Stored(json.readValue(newest.get().toFile(), Manifest.class),
          newest.get().getFileName().toString()));
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.VALIDATION, "cannot read the manifest in " + directory + ": " + e.getMessage(), e);
    }
  }
}
