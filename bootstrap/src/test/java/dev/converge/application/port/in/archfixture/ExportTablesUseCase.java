package dev.converge.application.port.in.archfixture;

/** A well-named use case for {@code application.service.archfixture.ExportRunner} to implement. */
public interface ExportTablesUseCase {
  void export();
}
