package dev.converge.application.port.out;

import java.util.Objects;
import java.util.Optional;

/** Remembers the last validation's verdict in the work directory, so that import can insist on it. */
public interface RecordValidationPort {

  void save(Verdict verdict);

  Optional<Verdict> latest();

  /**
   * The outcome of validating one manifest, identified by its migration id and the moment its
   * export finished (a re-export makes a different manifest).
   */
  record Verdict(String manifestFile, String migrationId, java.time.Instant exportFinished, boolean passed, long problems,
      String validatedAt) {
    public Verdict {
      Objects.requireNonNull(manifestFile, "manifestFile");
      Objects.requireNonNull(migrationId, "migrationId");
    }
  }
}
