package dev.converge.adapter.csv;

import java.nio.file.Path;
import java.util.Objects;

/** A finished CSV file: where it is, how many data rows and bytes it has, and its SHA-256. */
public record WrittenFile(Path path, long rows, long bytes, String sha256) {

  public WrittenFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
    if (rows < 0 || bytes < 0) {
      throw new IllegalArgumentException("rows and bytes cannot be negative");
    }
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
    }
  }
}
