package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.application.connection.RunningServer;
import dev.converge.dataset.DatasetOptions;
import dev.converge.domain.failure.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole chain, plan → export → validate → import → verify, and what verify catches afterwards: in the
 * target, and in the source since the export.
 */
class VerifyMigrationIT {

  @TempDir Path workDirectory;

  static Stream<Arguments> migrations() {
    return Stream.of(Arguments.of("alkemio", "MySQL 8.0"), Arguments.of("kratos", "MySQL 8.0"),
        Arguments.of("alkemio", "MariaDB 11.4"), Arguments.of("kratos", "MariaDB 11.4"));
  }

  @ParameterizedTest(name = "{0} from {1}")
  @MethodSource("migrations")
  void everyCheckPassesAfterTheWholeChain(String name, String server) throws Exception {
    RunningServer source = server.startsWith("MySQL") ? EmbeddedServers.mySql() : EmbeddedServers.mariaDb();
    Rehearsal run = migrated(name, source);

    assertEquals(0, run.converge("verify"), run.output());
    assertTrue(run.out.toString().contains("Verification: PASS"), run.output());
    String report = Files.readString(workDirectory.resolve("verification_report.md"));
    assertTrue(report.contains("result: **PASS**") && report.contains("| content checksum |")
        && report.contains("| source content |"), report);
    assertFalse(report.contains("**FAIL**"), report);
    String json = Files.readString(workDirectory.resolve("verification_report.json"));
    assertTrue(Pattern.compile("\"sourceChanges\"\\s*:\\s*\\{\\s*\"changed\"\\s*:\\s*0,\\s*\"inserted\"\\s*:\\s*0,"
        + "\\s*\"deleted\"\\s*:\\s*0").matcher(json).find(), json);
    assertFalse(Pattern.compile("\"(changed|inserted|deleted)\"\\s*:\\s*[1-9]").matcher(json).find(), json);
  }

  @Test
  void aSourceRowChangedOneDeletedAndOneInsertedSinceTheExportAreNamedAsChangedInTheSource() throws Exception {
    Rehearsal run = migrated("alkemio", EmbeddedServers.mySql());
    String changed;
    String deleted;
    String inserted = "00000000-0000-4000-8000-00000000abcd";
    try (HikariDataSource pool = MySqlDataSourceFactory.writable(run.source, 1);
        Connection source = pool.getConnection(); Statement statement = source.createStatement()) {
      try (ResultSet ids = statement.executeQuery("SELECT id FROM tagset ORDER BY id LIMIT 2")) {
        ids.next();
        changed = ids.getString(1);
        ids.next();
        deleted = ids.getString(1);
      }
      statement.execute("SET FOREIGN_KEY_CHECKS = 0");
      statement.execute("UPDATE tagset SET tags = 'moved' WHERE id = '" + changed + "'");
      statement.execute("DELETE FROM tagset WHERE id = '" + deleted + "'");
      statement.execute("INSERT INTO tagset (id, version, name, tags, type) VALUES ('" + inserted
          + "', 1, 'default', 'new', 'freeform')");
    }

    assertEquals(ExitStatus.of(ErrorCode.VERIFICATION), run.converge("verify"), run.output());
    String out = run.out.toString();
    String line = out.lines().filter(candidate -> candidate.startsWith("  FAIL tagset, source content:")).findFirst()
        .orElseThrow(() -> new AssertionError(out));
    assertTrue(line.contains("since the export the source changed 1, inserted 1 and deleted 1 row(s)"), line);
    assertTrue(Pattern.compile("id=" + changed.toLowerCase() + ": changed in the source since the export \\([^)]*"
        + "tags: source 'moved', export '([^']*)', target '\\1'").matcher(line).find(), line);
    assertTrue(line.contains("id=" + inserted + ": inserted in the source since the export (in the source, not in the"
        + " export or the target)"), line);
    assertTrue(line.contains("id=" + deleted.toLowerCase() + ": deleted in the source since the export (in the export"
        + " and the target, not in the source)"), line);
    assertFalse(out.contains("FAIL tagset, content checksum"), "the target still equals the export: " + out);
    assertEquals(1, out.lines().filter(candidate -> candidate.startsWith("  FAIL")).count(), out);
    String report = Files.readString(workDirectory.resolve("verification_report.md"));
    assertTrue(report.contains("### tagset: differing rows"), report);
    String json = Files.readString(workDirectory.resolve("verification_report.json"));
    assertTrue(Pattern.compile("\"sourceChanges\"\\s*:\\s*\\{\\s*\"changed\"\\s*:\\s*1,\\s*\"inserted\"\\s*:\\s*1,"
        + "\\s*\"deleted\"\\s*:\\s*1").matcher(json).find(), json);
    assertTrue(json.contains("\"CHANGED_IN_SOURCE\""), json);
  }

  @Test
  void aDeletedRowAnEditedValueAndAnOrphanAreEachCaught() throws Exception {
    Rehearsal run = migrated("alkemio", EmbeddedServers.mySql());
    String orphanTable;
    try (Connection target = DriverManager.getConnection("jdbc:postgresql://" + run.target.host() + ":"
        + run.target.port() + "/" + run.target.database(), run.target.user(), "");
        Statement statement = target.createStatement()) {
      statement.execute("DELETE FROM visual WHERE ctid = (SELECT ctid FROM visual LIMIT 1)");
      statement.execute("UPDATE \"user\" SET \"firstName\" = \"firstName\" || '!' WHERE ctid = (SELECT ctid FROM \"user\" LIMIT 1)");
      try (ResultSet fk = statement.executeQuery("SELECT c.relname, a.attname FROM pg_constraint k"
          + " JOIN pg_class c ON c.oid = k.conrelid JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]"
          + " WHERE k.contype = 'f' AND array_length(k.conkey, 1) = 1 AND a.atttypid = 'uuid'::regtype"
          + " AND c.relname = 'callout' LIMIT 1")) {
        fk.next();
        orphanTable = fk.getString(1);
        String column = fk.getString(2);
        statement.execute("SET session_replication_role = replica");
        statement.execute("UPDATE callout SET \"" + column + "\" = gen_random_uuid()"
            + " WHERE ctid = (SELECT ctid FROM callout WHERE \"" + column + "\" IS NOT NULL LIMIT 1)");
      }
    }

    assertEquals(ExitStatus.of(ErrorCode.VERIFICATION), run.converge("verify"), run.output());
    String out = run.out.toString();
    assertTrue(out.contains("FAIL visual, row count"), out);
    assertTrue(out.contains("FAIL visual, content checksum"), out);
    assertTrue(out.contains("FAIL user, content checksum"), out);
    // The edited and the deleted row are named by their key, with both values.
    assertTrue(out.lines().anyMatch(line -> line.contains("FAIL user, content checksum")
        && line.contains("first differing rows: id=") && line.contains(": altered in the target (")
        && Pattern.compile("firstName: source '([^']*)', export '\\1', target '\\1!'").matcher(line).find()), out);
    assertTrue(out.lines().anyMatch(line -> line.contains("FAIL visual, content checksum")
        && line.contains(": lost in the load (in the source and the export, not in the target)")), out);
    assertFalse(out.contains("source content"), "the source still equals the export: " + out);
    assertTrue(out.lines().anyMatch(line -> line.startsWith("  FAIL " + orphanTable + ", foreign key ")
        && line.contains("1 orphan(s)")), out);
    assertTrue(out.contains("Verification: FAIL"), out);
  }

  private Rehearsal migrated(String name, RunningServer source) {
    Rehearsal run = Rehearsal.of(name, source, DatasetOptions.clean(0.001), true, workDirectory);
    for (String phase : new String[] {"plan", "export", "validate", "import"}) {
      assertEquals(0, run.converge(phase), phase + ": " + run.output());
    }
    return run;
  }
}
