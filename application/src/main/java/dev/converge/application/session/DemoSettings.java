package dev.converge.application.session;

import java.util.List;

/**
 * What the demo starts.
 *
 * @param datasets the reference datasets to generate (by name)
 * @param scale their scale (1.0 is a production-sized Alkemio)
 * @param mariaDb start MariaDB 11.4 instead of MySQL 8.0
 */
public record DemoSettings(List<String> datasets, double scale, boolean mariaDb) {

  public DemoSettings {
    datasets = List.copyOf(datasets);
    if (datasets.isEmpty()) {
      throw new IllegalArgumentException("the demo needs at least one dataset");
    }
    if (!(scale > 0)) {
      throw new IllegalArgumentException("the scale must be positive, was " + scale);
    }
  }
}
