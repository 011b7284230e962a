package dev.converge.application.service.archfixture;

import dev.converge.application.port.in.archfixture.ExportTablesUseCase;

/** Breaks the service naming rule: a use case implemented by a class not named *Service. */
public class ExportRunner implements ExportTablesUseCase {
  @Override
  public void export() {}
}
