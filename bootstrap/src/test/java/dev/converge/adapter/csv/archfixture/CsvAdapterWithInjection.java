package dev.converge.adapter.csv.archfixture;

import javax.inject.Inject;

/** Breaks the Dagger rule: DI annotations in an adapter. */
public class CsvAdapterWithInjection {
  @Inject
  public CsvAdapterWithInjection() {}
}
