package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.mysql.MySqlDatasetLoadAdapter;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.adapter.embedded.mysql.EmbeddedMySqlServer;
import dev.converge.adapter.embedded.mysql.MySqlFlavor;
import dev.converge.adapter.postgres.PostgresTarget;
import dev.converge.adapter.postgres.connection.PostgresDataSourceFactory;
import dev.converge.adapter.embedded.postgres.EmbeddedPostgresServer;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.connection.TlsMode;
import dev.converge.application.connection.TlsSettings;
import dev.converge.dataset.DatasetOptions;
import dev.converge.dataset.ReferenceDataset;
import dev.converge.dataset.ReferenceDatasets;
import dev.converge.application.port.in.GenerateDatasetCommand;
import dev.converge.application.service.GenerateDatasetService;
import dev.converge.domain.failure.ErrorCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * converge against servers that accept TLS connections only, with certificates made in the test:
 * MySQL with {@code require_secure_transport=ON}, PostgreSQL with a hostssl-only pg_hba.conf, a
 * login on each side that must present a client certificate. {@code require} and
 * {@code verify-full} runs plan a migration; plaintext runs and an untrusted CA fail naming TLS.
 */
class TlsConnectionIT {

  private static final String CLIENT = "migrator";
  private static final String DATABASE = "kratos";

  @TempDir static Path certificateDirectory;
  private static TestCertificates certificates;
  private static EmbeddedMySqlServer mySql;
  private static EmbeddedPostgresServer postgres;
  private static Path sourcePasswordFile;

  @TempDir Path workDirectory;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void startTlsOnlyServers() throws Exception {
    certificates = TestCertificates.generate(certificateDirectory, CLIENT);
    mySql = EmbeddedMySqlServer.start(MySqlFlavor.MYSQL_8_0, List.of("--require-secure-transport=ON",
        "--ssl-ca=" + certificates.ca, "--ssl-cert=" + certificates.serverCertificate,
        "--ssl-key=" + certificates.serverKey));
    postgres = EmbeddedPostgresServer.startTlsOnly(certificates.ca, certificates.serverCertificate,
        certificates.serverKey);
    ReferenceDataset dataset = ReferenceDatasets.byName(DATABASE).orElseThrow();
    TlsSettings require = TlsSettings.PREFERRED.withMode(TlsMode.REQUIRE);

    mySql.createDatabase(DATABASE);
    try (HikariDataSource pool = MySqlDataSourceFactory.writable(mySql.endpoint(DATABASE).withTls(require), 2)) {
      MySqlDatasetLoadAdapter loader = new MySqlDatasetLoadAdapter(pool);
      new GenerateDatasetService(loader, loader).generate(new GenerateDatasetCommand(dataset, DatasetOptions.clean(0.001), 2));
    }
    mySql.execute("CREATE USER '" + CLIENT + "'@'%' IDENTIFIED BY 'source-secret' REQUIRE X509",
        "GRANT SELECT, SHOW VIEW ON `" + DATABASE + "`.* TO '" + CLIENT + "'@'%'");
    sourcePasswordFile = certificateDirectory.resolve("source-password");
    Files.writeString(sourcePasswordFile, "source-secret\n", StandardCharsets.UTF_8);

    postgres.createDatabase(DATABASE);
    DatabaseEndpoint superuser = postgres.endpoint(DATABASE).withTls(require);
    // Flyway provisions the target over TLS too.
    try (PostgresTarget target = PostgresTarget.open(superuser, "public", 2)) {
      target.migrations().apply(dataset.postgresMigrationLocation());
    }
    try (HikariDataSource pool = PostgresDataSourceFactory.target(superuser, 1);
        Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE ROLE " + CLIENT + " LOGIN");
      statement.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + CLIENT);
    }
  }

  @AfterAll
  static void stopServers() {
    if (mySql != null) {
      mySql.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void aRequireRunPlansOverTlsWithoutCheckingCertificates() {
    int status = converge(arguments("plan", "root", "postgres", "require", "require"));
    assertEquals(0, status, out + "\n" + err);
    assertTrue(Files.exists(workDirectory.resolve("migration_plan.json")), out.toString());
  }

  @Test
  void aVerifyFullRunGivenAsUrlsPresentsClientCertificatesOnBothSides() {
    String source = "mysql://" + CLIENT + "@127.0.0.1:" + mySql.port() + "/" + DATABASE + "?ssl-mode=verify-full&ssl-ca="
        + certificates.ca + "&ssl-cert=" + certificates.clientCertificate + "&ssl-key=" + certificates.clientKey;
    String target = "postgresql://" + CLIENT + "@127.0.0.1:" + postgres.port() + "/" + DATABASE
        + "?sslmode=verify-full&sslrootcert=" + certificates.ca + "&sslcert=" + certificates.clientCertificate
        + "&sslkey=" + certificates.clientKey;
    int status = converge("plan", "--source-url", source, "--source-password-file", sourcePasswordFile.toString(),
        "--target-url", target, "--work-dir", workDirectory.toString());
    assertEquals(0, status, out + "\n" + err);
  }

  @Test
  void aPlaintextRunAgainstTlsOnlyServersFailsNamingTls() {
    int source = converge(arguments("connect", "root", "postgres", "disable", "require"));
    assertEquals(ExitStatus.of(ErrorCode.CONNECTION), source, out + "\n" + err);
    assertTrue(err.toString().contains("accepts only TLS connections") && err.toString().contains("--source-ssl-mode"),
        err.toString());

    int target = converge(arguments("connect", "root", "postgres", "require", "disable"));
    assertEquals(ExitStatus.of(ErrorCode.CONNECTION), target, out + "\n" + err);
    assertTrue(err.toString().contains("--target-ssl-mode is disable") && err.toString().contains("TLS"),
        err.toString());
  }

  @Test
  void aCertificateFromAnotherCaFailsAVerifyingRunNamingTheHandshake() {
    List<String> args = arguments("connect", "root", "postgres", "verify-ca", "require");
    args.addAll(List.of("--source-ssl-ca", certificates.otherCa.toString()));
    assertEquals(ExitStatus.of(ErrorCode.CONNECTION), converge(args), out + "\n" + err);
    assertTrue(err.toString().contains("TLS handshake failed"), err.toString());

    List<String> target = arguments("connect", "root", "postgres", "require", "verify-ca");
    target.addAll(List.of("--target-ssl-ca", certificates.otherCa.toString()));
    assertEquals(ExitStatus.of(ErrorCode.CONNECTION), converge(target), out + "\n" + err);
    assertTrue(err.toString().contains("--target-ssl-mode verify-ca"), err.toString());
  }

  @Test
  void aLoginThatMustPresentACertificateIsRefusedWithoutOne() {
    List<String> args = new ArrayList<>(List.of("connect",
        "--source-port", String.valueOf(mySql.port()), "--source-database", DATABASE, "--source-user", "root",
        "--source-ssl-mode", "require",
        "--target-port", String.valueOf(postgres.port()), "--target-database", DATABASE, "--target-user", CLIENT,
        "--target-ssl-mode", "verify-full", "--target-ssl-ca", certificates.ca.toString(),
        "--work-dir", workDirectory.toString()));
    assertEquals(ExitStatus.of(ErrorCode.CONNECTION), converge(args), out + "\n" + err);
  }

  private List<String> arguments(String phase, String sourceUser, String targetUser, String sourceMode,
      String targetMode) {
    return new ArrayList<>(List.of(phase,
        "--source-host", "127.0.0.1", "--source-port", String.valueOf(mySql.port()),
        "--source-database", DATABASE, "--source-user", sourceUser, "--source-ssl-mode", sourceMode,
        "--target-host", "127.0.0.1", "--target-port", String.valueOf(postgres.port()),
        "--target-database", DATABASE, "--target-user", targetUser, "--target-ssl-mode", targetMode,
        "--work-dir", workDirectory.toString()));
  }

  private int converge(List<String> args) {
    return converge(args.toArray(String[]::new));
  }

  private int converge(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }
}
