package dev.converge.application.archfixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Breaks the application rule: file I/O in the application instead of through an out-port. */
public class ApplicationReadingFiles {
  public boolean present(Path file) throws IOException {
    return Files.size(file) > 0;
  }
}
