package dev.converge.adapter.postgres.archfixture;

import com.mysql.cj.jdbc.MysqlDataSource;

/** Breaks the MySQL driver rule. */
public class PostgresAdapterUsingMySqlDriver {
  public Object source() {
    return new MysqlDataSource();
  }
}
