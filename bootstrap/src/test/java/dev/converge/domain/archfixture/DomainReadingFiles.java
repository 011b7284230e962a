package dev.converge.domain.archfixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Breaks the domain rule: file I/O in the domain. */
public class DomainReadingFiles {
  public String read(Path path) throws IOException {
    return Files.readString(path);
  }
}
