package dev.converge.application.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatabaseEndpointTest {

  @Test
  void thePasswordNeverAppearsInToString() {
    var endpoint = new DatabaseEndpoint("db.internal", 3306, "alkemio", "migrator", "s3cr3t-Pa55");
    assertFalse(endpoint.toString().contains("s3cr3t-Pa55"), endpoint.toString());
    assertTrue(endpoint.toString().contains("****"));
    assertEquals("migrator@db.internal:3306/alkemio", endpoint.describe());
  }

  @Test
  void aMissingPasswordIsTheEmptyPassword() {
    assertEquals("", new DatabaseEndpoint("h", 1, "d", "u", null).password());
  }

  @Test
  void aPortOutsideTheTcpRangeIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new DatabaseEndpoint("h", 0, "d", "u", ""));
    assertThrows(IllegalArgumentException.class, () -> new DatabaseEndpoint("h", 65_536, "d", "u", ""));
  }

  @Test
  void withDatabaseKeepsServerAndCredentials() {
    var endpoint = new DatabaseEndpoint("h", 5432, "postgres", "u", "p").withDatabase("kratos");
    assertEquals(new DatabaseEndpoint("h", 5432, "kratos", "u", "p"), endpoint);
  }
}
