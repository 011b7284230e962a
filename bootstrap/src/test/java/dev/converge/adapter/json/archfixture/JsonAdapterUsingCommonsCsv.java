package dev.converge.adapter.json.archfixture;

import org.apache.commons.csv.CSVFormat;

/** Breaks the Commons CSV rule: CSV written outside adapters-csv. */
public class JsonAdapterUsingCommonsCsv {
  public Object format() {
    return CSVFormat.DEFAULT;
  }
}
