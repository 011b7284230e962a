package dev.converge.adapter.mysql.archfixture;

import org.flywaydb.core.Flyway;

/** Breaks the pgjdbc/Flyway rule. */
public class MySqlAdapterUsingFlyway {
  public Object migrations() {
    return Flyway.configure();
  }
}
