package dev.converge.application.archfixture;

import java.sql.Connection;
import java.sql.SQLException;

/** Breaks the JDBC rule: JDBC outside the database adapters. */
public class ApplicationUsingJdbc {
  public void close(Connection connection) throws SQLException {
    connection.close();
  }
}
