package dev.converge.adapter.csv;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.converge.adapter.workdir.WorkFiles;
import dev.converge.application.port.out.WriteDirtyRowsPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.plan.DirtyRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code dirty_rows.csv} (RFC 4180, a header line) and {@code dirty_rows.json} (an array of objects)
 * in the work directory, written as the rows are found, readable and writable by the owner only
 * (0600 where the file system has POSIX permissions): they hold source data.
 */
public final class CsvDirtyRowsAdapter implements WriteDirtyRowsPort {

  public static final String CSV = "dirty_rows.csv";
  public static final String JSON = "dirty_rows.json";
  static final String[] HEADER = {"table", "key", "column", "rule", "value", "fix"};

  private final Path directory;

  public CsvDirtyRowsAdapter(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  @Override
  public DirtyRows open() {
    try {
      Files.createDirectories(directory);
      BufferedWriter csv = Files.newBufferedWriter(WorkFiles.ownerOnly(directory.resolve(CSV)), StandardCharsets.UTF_8,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
      CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180.builder().setHeader(HEADER).build());
      OutputStream jsonOut = Files.newOutputStream(WorkFiles.ownerOnly(directory.resolve(JSON)), StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE);
      JsonGenerator json = new JsonFactory().createGenerator(jsonOut, JsonEncoding.UTF8);
      json.writeStartArray();
      return new OpenFiles(printer, json);
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.EXPORT, "cannot write " + directory.resolve(CSV) + ": " + e.getMessage(), e);
    }
  }

  private final class OpenFiles implements DirtyRows {
    private final CSVPrinter csv;
    private final JsonGenerator json;

    OpenFiles(CSVPrinter csv, JsonGenerator json) {
      this.csv = csv;
      this.json = json;
    }

    @Override
    public synchronized void write(DirtyRow row) {
      try {
        csv.printRecord(row.table(), row.key(), row.column(), row.rule(), row.value(), row.fix() == null ? "" : row.fix());
        json.writeStartObject();
        json.writeStringField("table", row.table());
        json.writeStringField("key", row.key());
        json.writeStringField("column", row.column());
        json.writeStringField("rule", row.rule());
        json.writeStringField("value", row.value());
        json.writeStringField("fix", row.fix());
        json.writeEndObject();
      } catch (IOException e) {
        throw new ConvergeException(ErrorCode.EXPORT, "cannot write " + directory.resolve(CSV) + ": " + e.getMessage(), e);
      }
    }

    @Override
    public String describe() {
      return directory.resolve(CSV) + " and " + JSON;
    }

    @Override
    public synchronized void close() {
      try (CSVPrinter closingCsv = csv; JsonGenerator closingJson = json) {
        json.writeEndArray();
      } catch (IOException e) {
        throw new ConvergeException(ErrorCode.EXPORT, "cannot finish " + directory.resolve(CSV) + ": " + e.getMessage(), e);
      }
    }
  }
}
