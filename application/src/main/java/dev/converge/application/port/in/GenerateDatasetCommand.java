package dev.converge.application.port.in;

import dev.converge.dataset.DatasetOptions;
import dev.converge.dataset.ReferenceDataset;
import java.util.Objects;

/**
 * Which dataset to generate, how big, and with how many tables loading at once.
 *
 * @param parallelism tables written concurrently (each on its own connection), at least 1
 */
public record GenerateDatasetCommand(ReferenceDataset dataset, DatasetOptions options, int parallelism) {

  public GenerateDatasetCommand {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(options, "options");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
  }
}
