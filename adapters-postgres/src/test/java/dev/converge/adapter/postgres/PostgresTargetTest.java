package dev.converge.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.application.connection.DatabaseEndpoint;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class PostgresTargetTest {

  @Test
  void aLoginRefusedWithoutAPasswordSaysWhereTheOperatorGivesOne() {
    DatabaseEndpoint noPassword = new DatabaseEndpoint("pg.internal", 5432, "alkemio", "alkemio", "");
    SQLException noPasswordGiven = new SQLException("The server requested SCRAM-based authentication, but no password"
        + " was provided.", "08004");

    assertEquals("; no password was given for alkemio@pg.internal: set CONVERGE_TARGET_PASSWORD or"
        + " --target-password-file", PostgresTarget.passwordHint(noPassword, noPasswordGiven));
    assertEquals("", PostgresTarget.passwordHint(new DatabaseEndpoint("pg.internal", 5432, "alkemio", "alkemio", "x"),
        new SQLException("password authentication failed for user \"alkemio\"", "28P01")));
  }

  @Test
  void theFirstLineSaysNoPasswordWasGivenNotTheDriversWords() {
    DatabaseEndpoint noPassword = new DatabaseEndpoint("pg.internal", 5432, "alkemio", "alkemio", "");
    SQLException noPasswordGiven = new SQLException("The server requested SCRAM-based authentication, but no password"
        + " was provided.", "08004");

    assertEquals("no password was given for alkemio@pg.internal: set CONVERGE_TARGET_PASSWORD or"
        + " --target-password-file (the target refused alkemio@pg.internal:5432/alkemio without one)",
        PostgresTarget.connectionFailure(noPassword, noPasswordGiven.getMessage(), noPasswordGiven).getMessage());
  }
}
