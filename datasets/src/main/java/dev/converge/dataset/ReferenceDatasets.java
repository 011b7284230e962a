package dev.converge.dataset;

import java.util.List;
import java.util.Optional;

/** The reference datasets converge ships, found by their command-line name. */
public final class ReferenceDatasets {

  private static final List<ReferenceDataset> ALL =
      List.of(new AlkemioDataset(), new KratosDataset());

  private ReferenceDatasets() {}

  /** Alkemio then Kratos: the two stores of one application, sharing their users. */
  public static List<ReferenceDataset> all() {
    return ALL;
  }

  /** The dataset called {@code name} ({@code alkemio} or {@code kratos}), if there is one. */
  public static Optional<ReferenceDataset> byName(String name) {
    return ALL.stream().filter(dataset -> dataset.name().equals(name)).findFirst();
  }
}
