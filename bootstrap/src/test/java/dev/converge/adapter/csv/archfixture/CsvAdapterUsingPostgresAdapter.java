package dev.converge.adapter.csv.archfixture;

import dev.converge.adapter.embedded.postgres.EmbeddedPostgresServerAdapter;

/** Breaks the adapter rule: one adapter depending on another. */
public class CsvAdapterUsingPostgresAdapter {
  public Object starter() {
    return new EmbeddedPostgresServerAdapter();
  }
}
