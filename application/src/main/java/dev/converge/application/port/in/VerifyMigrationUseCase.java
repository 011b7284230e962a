package dev.converge.application.port.in;

/**
 * Proves source, export and target hold the same rows (counts and content checksums, three ways), then
 * foreign keys, sequences and the operator's checklists.
 */
public interface VerifyMigrationUseCase {

  VerifyMigrationReport verify(VerifyMigrationCommand command);
}
