package dev.converge.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        PostgresTarget.connectionFailure(noPassword, noPasswordGiven.getMessage(), "", noPasswordGiven).getMessage());

    // A TLS-only server refuses a plaintext login without a password too: TLS explains it, so TLS comes first.
    SQLException plaintext = new SQLException("FATAL: no pg_hba.conf entry for host \"127.0.0.1\", user \"postgres\","
        + " database \"kratos\", no encryption", "28000");
    String tls = "; the server accepts only TLS connections and --target-ssl-mode is disable";
    String message = PostgresTarget.connectionFailure(noPassword, plaintext.getMessage(), tls, plaintext).getMessage();
    assertTrue(message.startsWith("cannot connect to the target alkemio@pg.internal:5432/alkemio: FATAL: no pg_hba.conf")
        && message.contains(tls), message);
  }
}
