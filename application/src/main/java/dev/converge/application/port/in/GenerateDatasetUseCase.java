package dev.converge.application.port.in;

/** Creates a reference dataset's source schema and fills it with its deterministic rows. */
public interface GenerateDatasetUseCase {

  GenerateDatasetReport generate(GenerateDatasetCommand command);
}
