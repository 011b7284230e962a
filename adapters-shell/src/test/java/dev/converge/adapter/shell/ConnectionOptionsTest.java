package dev.converge.adapter.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.connection.TlsMode;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ConnectionOptionsTest {

  @TempDir Path directory;

  @Command(name = "probe")
  static final class Probe {
    @Mixin ConnectionOptions connection = new ConnectionOptions();
  }

  private static ConnectionSettings settings(String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    return probe.connection.settings(name -> null);
  }

  @Test
  void withoutTlsOptionsBothSidesPreferTlsAndTheSourceMayNotRetrieveTheServerKey() {
    ConnectionSettings settings = settings("--source-database", "app", "--source-user", "u",
        "--target-database", "app", "--target-user", "u");
    assertEquals(TlsMode.PREFER, settings.source().tls().mode());
    assertEquals(TlsMode.PREFER, settings.target().tls().mode());
    assertFalse(settings.source().tls().publicKeyRetrievalAllowed());
  }

  @Test
  void separateTlsOptionsReachTheEndpoints() throws IOException {
    Path ca = Files.writeString(directory.resolve("ca.pem"), "x");
    ConnectionSettings settings = settings("--source-database", "app", "--source-user", "u",
        "--source-ssl-mode", "VERIFY_IDENTITY", "--source-ssl-ca", ca.toString(),
        "--target-database", "app", "--target-user", "u", "--target-ssl-mode", "require");
    assertEquals(TlsMode.VERIFY_FULL, settings.source().tls().mode());
    assertEquals(ca, settings.source().tls().certificateAuthority());
    assertTrue(settings.source().tls().publicKeyRetrievalAllowed(), "TLS is on, so the key can do no harm");
    assertEquals(TlsMode.REQUIRE, settings.target().tls().mode());
  }

  @Test
  void urlsNameTheEndpointsAndTheirTlsAndWinOverTheSeparateOptions() throws IOException {
    Path ca = Files.writeString(directory.resolve("ca.pem"), "x");
    ConnectionSettings settings = settings(
        "--source-url", "mysql://migrator@db.internal:3307/alkemio?ssl-mode=verify-ca&ssl-ca=" + ca,
        "--source-host", "ignored.internal",
        "--target-url", "postgresql://kratos%40acme@pg.internal/kratos?sslmode=verify-full",
        "--target-ssl-ca", ca.toString());
    assertEquals("migrator@db.internal:3307/alkemio", settings.source().describe());
    assertEquals(TlsMode.VERIFY_CA, settings.source().tls().mode());
    assertEquals(ca, settings.source().tls().certificateAuthority());
    assertEquals("kratos@acme@pg.internal:5432/kratos", settings.target().describe());
    assertEquals(TlsMode.VERIFY_FULL, settings.target().tls().mode());
    assertEquals(ca, settings.target().tls().certificateAuthority(), "what the URL leaves out keeps the option's value");
  }

  @Test
  void aPasswordInAUrlIsAConfigurationErrorThatDoesNotRepeatIt() {
    ConvergeException refused = assertThrows(ConvergeException.class, () -> settings(
        "--source-url", "mysql://migrator:hunter2@db.internal/alkemio",
        "--target-database", "app", "--target-user", "u"));
    assertEquals(ErrorCode.CONFIGURATION, refused.code());
    assertTrue(refused.getMessage().contains("--source-url carries a password")
        && refused.getMessage().contains("CONVERGE_SOURCE_PASSWORD"), refused.getMessage());
    assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
  }

  @Test
  void aWrongSchemeAnUnknownParameterOrAnUnknownModeIsNamed() {
    assertTrue(assertThrows(ConvergeException.class, () -> settings("--source-url", "postgresql://u@h/app",
        "--target-database", "app", "--target-user", "u")).getMessage().contains("must start with mysql://"));
    assertTrue(assertThrows(ConvergeException.class, () -> settings("--source-url", "mysql://u@h/app?useSSL=false",
        "--target-database", "app", "--target-user", "u")).getMessage().contains("unknown parameter 'useSSL'"));
    String mode = assertThrows(ConvergeException.class, () -> settings("--source-database", "app", "--source-user", "u",
        "--target-database", "app", "--target-user", "u", "--target-ssl-mode", "on")).getMessage();
    assertTrue(mode.contains("--target-ssl-mode: unknown TLS mode 'on'") && mode.contains("verify-full"), mode);
  }

  @Test
  void aMissingCertificateFileOrAKeyWithoutItsCertificateIsNamed() throws IOException {
    String missing = assertThrows(ConvergeException.class, () -> settings("--source-database", "app",
        "--source-user", "u", "--source-ssl-ca", directory.resolve("nope.pem").toString(),
        "--target-database", "app", "--target-user", "u")).getMessage();
    assertTrue(missing.contains("--source-ssl-ca") && missing.contains("nope.pem"), missing);
    Path key = Files.writeString(directory.resolve("key.pem"), "x");
    String alone = assertThrows(ConvergeException.class, () -> settings("--source-database", "app",
        "--source-user", "u", "--target-database", "app", "--target-user", "u",
        "--target-ssl-key", key.toString())).getMessage();
    assertTrue(alone.contains("--target-ssl-cert and --target-ssl-key go together"), alone);
  }

  @Test
  void tlsSettingsComeFromConvergeYmlToo() throws IOException {
    Path ca = Files.writeString(directory.resolve("ca.pem"), "x");
    Probe probe = new Probe();
    CommandLine commandLine = new CommandLine(probe);
    ConfiguredDefaults defaults = new ConfiguredDefaults(name -> null);
    commandLine.setDefaultValueProvider(defaults);
    defaults.load("converge.yml", java.util.Map.of("source.ssl-mode", "verify-full", "source.ssl-ca", ca.toString(),
        "target.ssl-mode", "require", "source.database", "app", "source.user", "u", "target.database", "app",
        "target.user", "u"), commandLine);
    commandLine.parseArgs();
    ConnectionSettings settings = probe.connection.settings(name -> null);
    assertEquals(TlsMode.VERIFY_FULL, settings.source().tls().mode());
    assertEquals(ca, settings.source().tls().certificateAuthority());
    assertEquals(TlsMode.REQUIRE, settings.target().tls().mode());
  }

  @Test
  void publicKeyRetrievalOverPlaintextIsTheOperatorsChoice() {
    ConnectionSettings settings = settings("--source-database", "app", "--source-user", "u",
        "--source-allow-public-key-retrieval", "--target-database", "app", "--target-user", "u");
    assertTrue(settings.source().tls().publicKeyRetrievalAllowed());
    assertNull(settings.source().tls().certificateAuthority());
  }
}
