package dev.converge.application.port.out;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Writes table files into the run's work directory, and proves existing ones intact. */
public interface WriteTableFilesPort {

  /** Starts a file; it appears under {@code fileName} only once {@link TableFile#finish()} succeeds. */
  TableFile create(String fileName, List<String> header);

  /** Removes a finished file (the parts of a table whose export failed); nothing when there is none. */
  void delete(String fileName);

  /** The SHA-256 of a file in the work directory, or empty when there is no such file. */
  Optional<String> sha256(String fileName);

  /** A file being written; closing it unfinished removes it. */
  interface TableFile extends AutoCloseable {

    /** Appends a row; {@code null} is NULL. */
    void write(String[] values);

    /** Bytes written to the file so far (what has left the write buffer), for progress reports. */
    long bytes();

    WrittenTableFile finish();

    @Override
    void close();
  }

  /** A finished file's facts. */
  record WrittenTableFile(String name, long rows, long bytes, String sha256) {
    public WrittenTableFile {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(sha256, "sha256");
    }
  }
}
