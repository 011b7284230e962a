package dev.converge.adapter.csv;

import dev.converge.adapter.workdir.WorkFiles;
import dev.converge.application.port.out.WriteDirtyRowsPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.plan.DirtyRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code dirty_rows.csv} (RFC 4180, a header line) in the work directory, written as the rows are
 * found, readable and writable by the owner only (0600 where the file system has POSIX permissions):
 * it holds source data. Its JSON twin is adapters-json's.
 */
public final class CsvDirtyRowsAdapter implements WriteDirtyRowsPort {

  public static final String CSV = "dirty_rows.csv";
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
      return new OpenFile(new CSVPrinter(csv, CSVFormat.RFC4180.builder().setHeader(HEADER).build()));
    } catch (IOException e) {
      throw new ConvergeException(ErrorCode.EXPORT, "cannot write " + directory.resolve(CSV) + ": " + e.getMessage(), e);
    }
  }

  private final class OpenFile implements DirtyRows {
    private final CSVPrinter csv;

    OpenFile(CSVPrinter csv) {
      this.csv = csv;
    }

    @Override
    public synchronized void write(DirtyRow row) {
      try {
        csv.printRecord(row.table(), row.key(), row.column(), row.rule(), row.value(), row.fix() == null ? "" : row.fix());
      } catch (IOException e) {
        throw new ConvergeException(ErrorCode.EXPORT, "cannot write " + directory.resolve(CSV) + ": " + e.getMessage(), e);
      }
    }

    @Override
    public String describe() {
      return directory.resolve(CSV).toString();
    }

    @Override
    public synchronized void close() {
      try {
        csv.close();
      } catch (IOException e) {
        throw new ConvergeException(ErrorCode.EXPORT, "cannot finish " + directory.resolve(CSV) + ": " + e.getMessage(), e);
      }
    }
  }
}
