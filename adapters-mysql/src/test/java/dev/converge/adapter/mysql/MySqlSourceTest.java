package dev.converge.adapter.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.application.connection.DatabaseEndpoint;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class MySqlSourceTest {

  private static final SQLException DENIED = new SQLException("Access denied for user 'migrator'@'10.0.0.7' (using"
      + " password: NO)", "28000", 1045);

  @Test
  void aLoginRefusedWithoutAPasswordSaysWhereTheOperatorGivesOne() {
    DatabaseEndpoint noPassword = new DatabaseEndpoint("mysql.internal", 3306, "alkemio", "migrator", "");

    assertEquals("; no password was given for migrator@mysql.internal: set CONVERGE_SOURCE_PASSWORD or"
        + " --source-password-file", MySqlSource.passwordHint(noPassword, new RuntimeException("pool", DENIED)));
  }

  @Test
  void theFirstLineSaysNoPasswordWasGivenNotTheServersWords() {
    DatabaseEndpoint noPassword = new DatabaseEndpoint("mysql.internal", 3306, "alkemio", "migrator", "");

    assertEquals("no password was given for migrator@mysql.internal: set CONVERGE_SOURCE_PASSWORD or"
        + " --source-password-file (the source refused migrator@mysql.internal:3306/alkemio without one)",
        MySqlSource.connectionFailure(noPassword, DENIED.getMessage(), "", DENIED).getMessage());
    assertEquals("cannot connect to the source migrator@mysql.internal:3306/alkemio: Communications link failure",
        MySqlSource.connectionFailure(noPassword, "Communications link failure", "",
            new SQLException("Communications link failure", "08S01")).getMessage());
  }

  @Test
  void aWrongPasswordOrAnotherFailureGetsNoSuchHint() {
    DatabaseEndpoint withPassword = new DatabaseEndpoint("mysql.internal", 3306, "alkemio", "migrator", "secret");
    DatabaseEndpoint noPassword = new DatabaseEndpoint("mysql.internal", 3306, "alkemio", "migrator", "");

    assertEquals("", MySqlSource.passwordHint(withPassword, DENIED));
    assertEquals("", MySqlSource.passwordHint(noPassword, new SQLException("Communications link failure", "08S01")));
  }
}
