package dev.converge.application.port.out;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Writes table files into the run's work directory, and proves existing ones intact. */
public interface WriteTableFilesPort {

  /** Starts a file; it appears under {@code fileName} only once {@link TableFile#finish()} succeeds. */
  TableFile create(String fileName, List<String> header);

  /**
   * Removes a file, finished or half-written (the parts of a table whose export failed, what a
   * killed export left); nothing when there is none.
   */
  void delete(String fileName);

  /**
   * The table files in the work directory, by the names their writer gave them: finished files,
   * and files a killed writer left half-written (listed under the name they were to get).
   */
  List<String> names();

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
