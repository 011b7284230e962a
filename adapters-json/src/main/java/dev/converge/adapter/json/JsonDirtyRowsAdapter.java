package dev.converge.adapter.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.converge.adapter.workdir.WorkFiles;
import dev.converge.application.port.out.WriteDirtyRowsPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.plan.DirtyRow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * {@code dirty_rows.json} (an array of objects with the fields of {@code dirty_rows.csv}; a fix that
 * does not exist is {@code null}) in the work directory, written as the rows are found by a streaming
 * generator, readable and writable by the owner only (0600 where the file system has POSIX
 * permissions): it holds source data.
 */
public final class JsonDirtyRowsAdapter implements WriteDirtyRowsPort {

  public static final String JSON = "dirty_rows.json";

  private final Path directory;

  public JsonDirtyRowsAdapter(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  @Override
  public DirtyRows open() {
    Path file = directory.resolve(JSON);
    try {
      Files.createDirectories(directory);
      OutputStream out = Files.newOutputStream(WorkFiles.ownerOnly(file), StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE);
      JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
      json.writeStartArray();
      return new OpenFile(file, json);
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.EXPORT, "cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static final class OpenFile implements DirtyRows {
    private final Path file;
    private final JsonGenerator json;

    OpenFile(Path file, JsonGenerator json) {
      this.file = file;
      this.json = json;
    }

    @Override
    public synchronized void write(DirtyRow row) {
      try {
        json.writeStartObject();
        json.writeStringField("table", row.table());
        json.writeStringField("key", row.key());
        json.writeStringField("column", row.column());
        json.writeStringField("rule", row.rule());
        json.writeStringField("value", row.value());
        json.writeStringField("fix", row.fix());
        json.writeEndObject();
      } catch (IOException e) {
        throw new ConvergeException(ErrorCode.EXPORT, "cannot write " + file + ": " + e.getMessage(), e);
      }
    }

    @Override
    public String describe() {
      return file.toString();
    }

    @Override
    public synchronized void close() {
      try (JsonGenerator closing = json) {
        json.writeEndArray();
      } catch (IOException e) {
        throw new ConvergeException(ErrorCode.EXPORT, "cannot finish " + file + ": " + e.getMessage(), e);
      }
    }
  }
}
