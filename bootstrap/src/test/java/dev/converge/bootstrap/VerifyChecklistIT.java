package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.mysql.MySqlSourceQueryAdapter;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.adapter.yaml.JacksonChecklistFileAdapter;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.dataset.DatasetOptions;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.verification.ChecklistCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's checklist end to end: Alkemio and Kratos migrated from MySQL into two databases of
 * one PostgreSQL server, the shipped checklists (the cross-database one included) passing, then a
 * deliberately broken target failing exactly the checks that see it, with the offending rows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifyChecklistIT {

  @TempDir static Path work;

  private static Rehearsal alkemio;
  private static Rehearsal kratos;
  /** A Kratos identity whose verifiable address the source lost before the export: true before the move. */
  private static String addresslessInTheSource;

  @BeforeAll
  static void migrateBoth() throws SQLException {
    alkemio = migrated("alkemio", work.resolve("alkemio"), null);
    kratos = migrated("kratos", work.resolve("kratos"), run -> {
      try (HikariDataSource pool = MySqlDataSourceFactory.writable(run.source, 1);
          Connection source = pool.getConnection(); Statement statement = source.createStatement()) {
        try (ResultSet address = statement.executeQuery(
            "SELECT identity_id FROM identity_verifiable_addresses ORDER BY identity_id LIMIT 1")) {
          address.next();
          addresslessInTheSource = address.getString(1);
        }
        statement.executeUpdate("DELETE FROM identity_verifiable_addresses WHERE identity_id = '"
            + addresslessInTheSource + "'");
      }
    });
  }

  /** What is done to the source before the export. */
  private interface BeforeExport {
    void change(Rehearsal run) throws SQLException;
  }

  private static Rehearsal migrated(String name, Path workDirectory, BeforeExport beforeExport) throws SQLException {
    Rehearsal run = Rehearsal.of(name, EmbeddedServers.mySql(), DatasetOptions.clean(0.001), true, workDirectory);
    if (beforeExport != null) {
      beforeExport.change(run);
    }
    for (String phase : new String[] {"plan", "export", "validate", "import"}) {
      assertEquals(0, run.converge(phase), phase + ": " + run.output());
    }
    return run;
  }

  /** Verify of the Alkemio target with its own and the cross-database checklist, Kratos found by its real name. */
  private static int verifyAlkemio(String... more) {
    String[] options = {"--checklist", "builtin:alkemio,builtin:alkemio-kratos",
        "--checklist-database", "kratos=" + kratos.target.database()};
    String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(options), java.util.Arrays.stream(more))
        .toArray(String[]::new);
    return alkemio.converge("verify", all);
  }

  @Test
  @Order(1)
  void theMigratedReferenceDatasetsPassTheShippedChecklists() throws Exception {
    assertEquals(0, verifyAlkemio(), alkemio.output());
    assertEquals(0, kratos.converge("verify", "--checklist", "builtin:kratos"), kratos.output());

    assertTrue(alkemio.out.toString().contains("Checklist: 11 check(s), 0 failed"), alkemio.output());
    // The identity without a verifiable address was so in the source before the move: no failure.
    assertTrue(kratos.out.toString().contains("Checklist: 5 check(s), 0 failed, 1 pre-existing"), kratos.output());
    assertTrue(kratos.out.toString().lines().anyMatch(line -> line.startsWith(
        "  PRE-EXISTING checklist kratos, identities-without-verifiable-address: expected zero rows, 1 offending row(s)")
        && line.toLowerCase(java.util.Locale.ROOT).contains("id='" + addresslessInTheSource.toLowerCase(java.util.Locale.ROOT))
        && line.endsWith("— true of the data before the move too (the source has 1 such rows)")), kratos.output());
    String kratosReport = Files.readString(work.resolve("kratos").resolve("verification_report.md"));
    assertTrue(kratosReport.contains("result: **PASS**"), kratosReport);
    assertTrue(kratosReport.contains("### kratos / identities-without-verifiable-address: PRE-EXISTING"), kratosReport);
    String report = Files.readString(work.resolve("alkemio").resolve("verification_report.md"));
    assertTrue(report.contains("result: **PASS**"), report);
    assertTrue(report.contains("### alkemio-kratos / kratos-identities-without-alkemio-user: PASS"), report);
    assertTrue(report.contains("### alkemio / one-platform: PASS"), report);
    String json = Files.readString(work.resolve("kratos").resolve("verification_report.json"));
    assertTrue(json.contains("\"name\" : \"identities-without-credential\"") && json.contains("\"checklist\" : \"kratos\""),
        json);
    assertTrue(json.contains("\"origin\" : \"PRE_EXISTING\""), json);
  }

  @Test
  @Order(2)
  void everyShippedSourceFormRunsOnTheMySqlSourceAndFindsOnlyWhatWasSoBeforeTheMove() throws SQLException {
    for (Rehearsal run : new Rehearsal[] {alkemio, kratos}) {
      String name = run == alkemio ? "alkemio" : "kratos";
      try (HikariDataSource pool = MySqlDataSourceFactory.readOnlySource(run.source, 1)) {
        MySqlSourceQueryAdapter source = new MySqlSourceQueryAdapter(pool, run.source.database());
        for (ChecklistCheck check : new JacksonChecklistFileAdapter().read("builtin:" + name).checks()) {
          if (check.sourceSql() == null) {
            continue;
          }
          List<String> keys = new ArrayList<>();
          source.query(check.sourceSql(), Duration.ofSeconds(60), row -> keys.add(row.get(0)));
          List<String> expected = check.name().equals("identities-without-verifiable-address")
              ? List.of(addresslessInTheSource) : List.of();
          assertEquals(expected, keys, name + " / " + check.name());
        }
      }
    }
  }

  @Test
  @Order(3)
  void aBrokenChecklistFileStopsVerifyWithAConfigurationErrorNamingFileCheckAndField() throws Exception {
    Path file = work.resolve("broken.yaml");
    Files.writeString(file, "checks:\n  - name: orphans\n    sqll: SELECT 1\n");

    assertEquals(ExitStatus.of(ErrorCode.CONFIGURATION), alkemio.converge("verify", "--checklist", file.toString()),
        alkemio.output());
    assertTrue(alkemio.err.toString().contains("checklist " + file + ", check orphans, field 'sqll': unknown field"),
        alkemio.output());
  }

  @Test
  @Order(4)
  void aBrokenTargetFailsTheChecksThatSeeItWithTheOffendingRowsAndTheVerificationStatus() throws Exception {
    String deletedUser;
    String deletedEmail;
    String strangerIdentity;
    try (Connection target = connect(alkemio.target); Statement statement = target.createStatement()) {
      // Without the FK triggers, as a faulty load would leave it: the membership keeps pointing at the user.
      statement.execute("SET session_replication_role = replica");
      try (ResultSet member = statement.executeQuery("SELECT \"userId\" FROM space_members_user ORDER BY 1 LIMIT 1")) {
        member.next();
        deletedUser = member.getString(1);
      }
      try (ResultSet user = statement.executeQuery("SELECT email FROM \"user\" WHERE id = '" + deletedUser + "'")) {
        user.next();
        deletedEmail = user.getString(1);
      }
      assertEquals(1, statement.executeUpdate("DELETE FROM \"user\" WHERE id = '" + deletedUser + "'"));
    }
    try (Connection target = connect(kratos.target); Statement statement = target.createStatement()) {
      try (ResultSet identity = statement.executeQuery("SELECT id FROM identities ORDER BY id DESC LIMIT 1")) {
        identity.next();
        strangerIdentity = identity.getString(1);
      }
      statement.execute("UPDATE identities SET traits = jsonb_set(traits, '{email}', '\"stranger@example.invalid\"')"
          + " WHERE id = '" + strangerIdentity + "'");
      // An identity that signs in with OIDC only, as many real ones do: no checklist may call it broken
      // (its password credential's identifiers go with it, ON DELETE CASCADE).
      statement.execute("DELETE FROM identity_credentials WHERE identity_credential_type_id = (SELECT id FROM"
          + " identity_credential_types WHERE name = 'password') AND identity_id = (SELECT c.identity_id FROM"
          + " identity_credentials c JOIN identity_credential_types t ON t.id = c.identity_credential_type_id"
          + " WHERE t.name = 'oidc' ORDER BY c.identity_id LIMIT 1)");
    }
    kratos.out.getBuffer().setLength(0);
    kratos.converge("verify", "--checklist", "builtin:kratos");
    assertTrue(kratos.out.toString().contains("Checklist: 5 check(s), 0 failed, 1 pre-existing"),
        "an OIDC-only identity is no checklist failure: " + kratos.output());
    String addresslessInTheTarget;
    try (Connection target = connect(kratos.target); Statement statement = target.createStatement()) {
      try (ResultSet address = statement.executeQuery(
          "SELECT identity_id FROM identity_verifiable_addresses ORDER BY identity_id LIMIT 1")) {
        address.next();
        addresslessInTheTarget = address.getString(1);
      }
      statement.executeUpdate("DELETE FROM identity_verifiable_addresses WHERE identity_id = '"
          + addresslessInTheTarget + "'");
    }
    kratos.out.getBuffer().setLength(0);

    assertEquals(ExitStatus.of(ErrorCode.VERIFICATION), kratos.converge("verify", "--checklist", "builtin:kratos"),
        kratos.output());

    // Only in the target: the move broke it (the content checks fail too; the checklist line says why).
    assertTrue(kratos.out.toString().contains("Checklist: 5 check(s), 1 failed"), kratos.output());
    assertTrue(kratos.out.toString().lines().anyMatch(line -> line.startsWith(
        "  FAIL checklist kratos, identities-without-verifiable-address: expected zero rows, 2 offending row(s)")
        && line.endsWith("— broken by the move: 1 row(s) not so in the source: id='" + addresslessInTheTarget + "'")),
        kratos.output());
    String kratosReport = Files.readString(work.resolve("kratos").resolve("verification_report.md"));
    assertTrue(kratosReport.contains("### kratos / identities-without-verifiable-address: **FAIL**"), kratosReport);
    assertTrue(kratosReport.contains("compared with the source: BROKEN_BY_MOVE"), kratosReport);
    Path typo = work.resolve("ops.yaml");
    Files.writeString(typo, """
        checks:
          - name: misspelt-table
            sql: SELECT id FROM usr
        """);
    alkemio.out.getBuffer().setLength(0);

    assertEquals(ExitStatus.of(ErrorCode.VERIFICATION), verifyAlkemio("--checklist", typo.toString()), alkemio.output());

    String out = alkemio.out.toString();
    assertTrue(out.lines().anyMatch(line -> line.startsWith("  FAIL checklist alkemio, memberships-without-user:"
        + " expected zero rows, ") && line.contains("userId='" + deletedUser + "'")
        // Every membership of the user (one or more) is named by its one key.
        && line.matches(".* — broken by the move: \\d+ row\\(s\\) not so in the source: userId='" + deletedUser + "'")), out);
    assertTrue(out.lines().anyMatch(line -> line.startsWith("  FAIL checklist alkemio-kratos,"
        + " kratos-identities-without-alkemio-user: on kratos: ")
        && line.contains("(email='stranger@example.invalid', id='" + strangerIdentity + "')")), out);
    assertTrue(out.contains("  FAIL checklist ops, misspelt-table: the query failed: SQLSTATE 42P01 on database "
        + alkemio.target.database() + ": relation \"usr\" does not exist"), out);
    assertFalse(out.contains("users-without-profile"), "the other checks still pass: " + out);
    assertTrue(out.contains("Verification: FAIL"), out);
    String report = Files.readString(work.resolve("alkemio").resolve("verification_report.md"));
    assertTrue(report.contains("### alkemio / memberships-without-user: **FAIL**"), report);
    assertTrue(report.contains("| userId | spaceId |"), report);
    assertTrue(report.contains("'" + deletedUser + "' |"), report);
    assertTrue(report.contains("| email | id |\n|---|---|\n"), report);
    assertTrue(report.contains("| 'stranger@example.invalid' | '" + strangerIdentity + "' |"), report);
    // The identity of the deleted user has lost its Alkemio user too.
    assertTrue(report.contains("| '" + deletedEmail + "' | "), report);
  }

  private static Connection connect(DatabaseEndpoint endpoint) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + endpoint.host() + ":" + endpoint.port() + "/"
        + endpoint.database(), endpoint.user(), endpoint.password());
  }
}
