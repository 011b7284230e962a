package dev.converge.application.port.in;

/** Proves the target holds what the source held: counts, content checksums, foreign keys, sequences, then the operator's checklists. */
public interface VerifyMigrationUseCase {

  VerifyMigrationReport verify(VerifyMigrationCommand command);
}
