package dev.converge.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.connection.TlsMode;
import dev.converge.application.connection.TlsSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresProvisioningCommandAdapterTest {

  @Test
  void theCommandGetsTheTargetsTlsSettingsAsLibpqReadsThem() {
    TlsSettings tls = new TlsSettings(TlsMode.VERIFY_FULL, Path.of("/etc/tls/ca.pem"), Path.of("/etc/tls/c.pem"),
        Path.of("/etc/tls/k.pem"), false);
    Map<String, String> environment = new PostgresProvisioningCommandAdapter(
        new DatabaseEndpoint("pg.internal", 5432, "kratos", "kratos", "pw", tls), "public").environment();
    assertEquals("verify-full", environment.get("PGSSLMODE"));
    assertEquals("/etc/tls/ca.pem", environment.get("PGSSLROOTCERT"));
    assertEquals("/etc/tls/c.pem", environment.get("PGSSLCERT"));
    assertEquals("/etc/tls/k.pem", environment.get("PGSSLKEY"));
    assertTrue(environment.get("DATABASE_URL").contains("?sslmode=verify-full&sslrootcert=%2Fetc%2Ftls%2Fca.pem"),
        environment.get("DATABASE_URL"));
  }

  @Test
  void withoutTlsOptionsTheCommandPrefersTlsAndNamesNoFiles() {
    Map<String, String> environment = new PostgresProvisioningCommandAdapter(
        new DatabaseEndpoint("pg.internal", 5432, "kratos", "kratos", ""), "public").environment();
    assertEquals("prefer", environment.get("PGSSLMODE"));
    assertFalse(environment.containsKey("PGSSLROOTCERT"));
    assertTrue(environment.get("DSN").contains("sslmode=prefer&search_path=public"), environment.get("DSN"));
  }
}
