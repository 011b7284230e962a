package dev.converge.adapter.postgres.archfixture;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Breaks the Commons CSV/Jackson rule. */
public class PostgresAdapterUsingJackson {
  public Object json() {
    return new ObjectMapper();
  }
}
