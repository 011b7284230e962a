package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.csv.CsvTableFileReader;
import dev.converge.adapter.csv.CsvTableFilesAdapter;
import dev.converge.adapter.json.JsonManifestFileAdapter;
import dev.converge.adapter.json.JsonPlanFileAdapter;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.dataset.DatasetOptions;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.manifest.Manifest;
import dev.converge.domain.manifest.TableManifest;
import dev.converge.domain.plan.ColumnPlan;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.TablePlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import dev.converge.application.connection.RunningServer;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code converge export} on the reference datasets: exact values, fail-fast rejection, resume. */
class ExportReferenceDatasetsIT {

  @TempDir Path workDirectory;

  static Stream<Arguments> sources() {
    return Stream.of("alkemio", "kratos").flatMap(name -> Stream.of(Arguments.of(name, "MySQL 8.0"),
        Arguments.of(name, "MariaDB 11.4")));
  }

  @ParameterizedTest(name = "{0} from {1}")
  @MethodSource("sources")
  void everyFileHoldsExactlyTheSourceValuesInTheirTargetForm(String name, String server) throws Exception {
    RunningServer sourceServer = server.startsWith("MySQL") ? EmbeddedServers.mySql() : EmbeddedServers.mariaDb();
    Rehearsal run = Rehearsal.of(name, sourceServer, DatasetOptions.clean(0.001), true, workDirectory);
    assertEquals(0, run.converge("plan"), run.output());
    assertEquals(0, run.converge("export"), run.output());

    Manifest manifest = new JsonManifestFileAdapter(workDirectory).latest().orElseThrow().manifest();
    MigrationPlan plan = new JsonPlanFileAdapter(workDirectory).load().orElseThrow();
    assertTrue(manifest.complete());
    assertEquals(plan.tables().size(), manifest.tables().size());
    List<String> everyValue = new ArrayList<>();
    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(run.source, 1);
        Connection connection = source.getConnection()) {
      for (TablePlan table : plan.tables()) {
        TableManifest exported = manifest.table(table.sourceTable()).orElseThrow();
        TableManifest.DataFile file = exported.files().get(0);
        Path csv = workDirectory.resolve(file.name());
        assertEquals(file.sha256(), new CsvTableFilesAdapter(workDirectory).sha256(file.name()).orElseThrow());
        assertEquals(table.columns().stream().map(c -> c.target().name()).toList(), CsvTableFileReader.header(csv));

        List<String> fromFile = new ArrayList<>();
        CsvTableFileReader.forEachRow(csv, row -> {
          fromFile.add(joined(row.values()));
          for (String value : row.values()) {
            everyValue.add(value);
          }
        });
        List<String> fromSource = oracle(connection, table);
        assertEquals(fromSource.size(), exported.rows(), table.sourceTable() + ": manifest rows = COUNT(*)");
        fromFile.sort(null);
        fromSource.sort(null);
        assertEquals(fromSource, fromFile, table.sourceTable() + ": the file differs from what MySQL itself renders");
      }
    }
    if (name.equals("alkemio")) {
      // The traps of docs/datasets.md made it through byte for byte.
      assertTrue(everyValue.stream().anyMatch(v -> v != null && v.contains("\r\n")), "CRLF kept");
      assertTrue(everyValue.stream().anyMatch(v -> v != null && v.contains("\n") && !v.contains("\r")), "LF kept");
      assertTrue(everyValue.contains("\\N"), "the literal \\N is a value, not NULL");
      assertTrue(everyValue.contains(""), "empty strings stay empty");
      assertTrue(everyValue.contains(null), "NULLs stay NULL");
      assertTrue(everyValue.stream().anyMatch(v -> v != null && v.codePoints().anyMatch(c -> c > 0xFFFF)), "4-byte UTF-8 kept");
    }
  }

  @Test
  void aValueTheTargetWouldRejectStopsTheExportNamingTableKeyColumnAndValueAndTheExportResumes() throws Exception {
    Rehearsal run = Rehearsal.of("alkemio", EmbeddedServers.mySql(), DatasetOptions.clean(0.001), true, workDirectory);
    assertEquals(0, run.converge("plan"), run.output());
    MigrationPlan plan = new JsonPlanFileAdapter(workDirectory).load().orElseThrow();
    String brokenId;
    try (HikariDataSource writable = MySqlDataSourceFactory.writable(run.source, 1);
        Connection connection = writable.getConnection(); Statement statement = connection.createStatement()) {
      // After the plan: the schema is unchanged, the data is not (as on a live system).
      try (ResultSet first = statement.executeQuery("SELECT id FROM `user` ORDER BY id LIMIT 1")) {
        first.next();
        brokenId = first.getString(1);
      }
      statement.execute("UPDATE `user` SET serviceProfile = 2 WHERE id = '" + brokenId + "'");
    }

    assertEquals(ExitStatus.of(ErrorCode.EXPORT), run.converge("export", "--parallel", "1"), run.output());
    assertTrue(run.err.toString().contains("table user, row id='" + brokenId + "', column serviceProfile: value '2'"
        + " rejected: a boolean must be 0 or 1"), run.output());
    try (var files = Files.list(workDirectory)) {
      assertFalse(files.anyMatch(f -> f.getFileName().toString().startsWith("user_")), "no half-written file of user");
    }
    Manifest interrupted = new JsonManifestFileAdapter(workDirectory).latest().orElseThrow().manifest();
    assertFalse(interrupted.complete());
    // One reader exports the tables largest first (plan order on ties): those before user are finished,
    // and the manifest lists them in plan order.
    java.util.Set<String> exportedFirst = plan.tables().stream()
        .sorted(java.util.Comparator.comparingLong(TablePlan::estimatedRows).reversed()).map(TablePlan::sourceTable)
        .takeWhile(table -> !table.equals("user")).collect(java.util.stream.Collectors.toSet());
    List<String> finishedBefore = plan.tables().stream().map(TablePlan::sourceTable).filter(exportedFirst::contains)
        .toList();
    assertEquals(finishedBefore, interrupted.tables().stream().map(TableManifest::sourceTable).toList());

    try (HikariDataSource writable = MySqlDataSourceFactory.writable(run.source, 1);
        Connection connection = writable.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("UPDATE `user` SET serviceProfile = 1 WHERE id = '" + brokenId + "'");
    }
    // One kept file is damaged meanwhile: it must be exported again, not trusted.
    String damaged = interrupted.tables().get(0).files().get(0).name();
    Files.writeString(workDirectory.resolve(damaged), "tampered", StandardCharsets.UTF_8);

    assertEquals(0, run.converge("export"), run.output());
    String kept = run.out.toString().lines().filter(line -> line.startsWith("Kept from the interrupted export"))
        .findFirst().orElseThrow();
    assertEquals("Kept from the interrupted export (files proved intact): "
        + String.join(", ", finishedBefore.subList(1, finishedBefore.size())), kept);
    Manifest resumed = new JsonManifestFileAdapter(workDirectory).latest().orElseThrow().manifest();
    assertTrue(resumed.complete());
    assertEquals(interrupted.migrationId(), resumed.migrationId());
    assertEquals(plan.tables().size(), resumed.tables().size());
    assertEquals(interrupted.tables().get(1), resumed.tables().get(1), "a kept table is kept as it was");
  }

  /** The rows as MySQL itself renders them in each column's target text form, one joined string per row. */
  private static List<String> oracle(Connection connection, TablePlan table) throws SQLException {
    String select = table.columns().stream().map(ExportReferenceDatasetsIT::rendered).collect(Collectors.joining(", "));
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT " + select + " FROM `" + table.sourceTable() + "`")) {
      int width = table.columns().size();
      while (result.next()) {
        String[] values = new String[width];
        for (int i = 0; i < width; i++) {
          values[i] = result.getString(i + 1);
        }
        rows.add(joined(values));
      }
    }
    return rows;
  }

  /** MySQL's own SQL for the text converge must write, independent of converge's converters. */
  private static String rendered(ColumnPlan column) {
    String c = "`" + column.source().name() + "`";
    return switch (column.conversion()) {
      case INTEGER_TO_BOOLEAN, BIT_TO_BOOLEAN -> "IF(" + c + " IS NULL, NULL, IF(" + c + " = 0, 'false', 'true'))";
      case TEXT_TO_UUID -> "LOWER(" + c + ")";
      case DATETIME_TO_TIMESTAMP, DATETIME_TO_TIMESTAMPTZ -> "DATE_FORMAT(" + c + ", '%Y-%m-%dT%H:%i:%s.%fZ')";
      case TIME_TO_TIME -> "TIME_FORMAT(" + c + ", '%H:%i:%s.%f')";
      case BINARY_TO_BYTEA -> "CONCAT('\\\\x', LOWER(HEX(" + c + ")))";
      case TEXT_TO_TEXT, TEXT_TO_JSON, TEXT_TO_ENUM, ENUM_TO_ENUM, ENUM_TO_TEXT -> c;
      default -> "CAST(" + c + " AS CHAR)";
    };
  }

  private static String joined(String[] values) {
    return java.util.Arrays.stream(values).map(v -> v == null ? "\u0000NULL" : v).collect(Collectors.joining("\u0001"));
  }
}
