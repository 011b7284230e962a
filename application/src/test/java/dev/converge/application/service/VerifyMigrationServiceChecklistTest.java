package dev.converge.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.application.port.in.VerifyMigrationCommand;
import dev.converge.application.port.in.VerifyMigrationReport;
import dev.converge.application.port.out.CheckTargetIntegrityPort;
import dev.converge.application.port.out.ReadChecklistPort;
import dev.converge.application.port.out.ReadTableFilesPort;
import dev.converge.application.port.out.RunChecklistQueryPort;
import dev.converge.application.port.out.RunSourceQueryPort;
import dev.converge.application.port.out.StoreManifestPort;
import dev.converge.application.port.out.StorePlanPort;
import dev.converge.domain.failure.CheckQueryFailedException;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.failure.InvalidChecklistException;
import dev.converge.domain.manifest.Manifest;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.MigrationPlanner;
import dev.converge.domain.plan.PlanSettings;
import dev.converge.domain.schema.ForeignKey;
import dev.converge.domain.schema.SourceSchema;
import dev.converge.domain.schema.TargetSchema;
import dev.converge.domain.verification.CheckOrigin;
import dev.converge.domain.verification.CheckResult;
import dev.converge.domain.verification.Checklist;
import dev.converge.domain.verification.ChecklistCheck;
import dev.converge.domain.verification.Expectation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The checklist part of verify, with hand-written fakes of every out-port (no tables, so only the checklist runs). */
class VerifyMigrationServiceChecklistTest {

  private static final MigrationPlan EMPTY_PLAN = new MigrationPlanner(PlanSettings.defaults())
      .plan(new SourceSchema("app", "8.0.31", List.of()), new TargetSchema("public", "17.5", List.of()), Map.of(), true);

  private final Map<String, Checklist> checklists = new HashMap<>();
  /** database (null: the target) + "|" + sql → the query's answer. */
  private final Map<String, Answer> answers = new HashMap<>();
  private final List<String> asked = new ArrayList<>();
  private String markdown;
  private Object json;

  /** What the fake server answers to one query: columns and rows, or a refusal. */
  private record Answer(List<String> columns, List<List<String>> rows, CheckQueryFailedException refusal) {
    static Answer rows(List<String> columns, List<String>... rows) {
      return new Answer(columns, List.of(rows), null);
    }

    static Answer refused(String database, String sqlState, String message) {
      return new Answer(List.of(), List.of(), new CheckQueryFailedException(database, sqlState, message, null));
    }
  }

  private VerifyMigrationService service() {
    StorePlanPort plans = new StorePlanPort() {
      @Override
      public String save(MigrationPlan plan) {
        throw new AssertionError("verify never saves a plan");
      }

      @Override
      public Optional<MigrationPlan> load() {
        return Optional.of(EMPTY_PLAN);
      }
    };
    StoreManifestPort manifests = new StoreManifestPort() {
      @Override
      public String save(Manifest manifest, String fileName) {
        throw new AssertionError("verify never saves a manifest");
      }

      @Override
      public Optional<Stored> latest() {
        return Optional.of(new Stored(new Manifest("m-1", "mysql", "postgres", "s", "t", java.time.Instant.EPOCH,
            java.time.Instant.EPOCH.plusSeconds(60), true, List.of()),
            "migration_manifest.json"));
      }
    };
    CheckTargetIntegrityPort integrity = new CheckTargetIntegrityPort() {
      @Override
      public Orphans orphans(String table, ForeignKey foreignKey, int examples) {
        throw new AssertionError("no tables, no foreign keys");
      }

      @Override
      public SequenceState sequence(String table, String column, String sequence) {
        throw new AssertionError("no tables, no sequences");
      }
    };
    ReadTableFilesPort files = new ReadTableFilesPort() {
      @Override
      public boolean exists(String fileName) {
        return false;
      }

      @Override
      public List<String> header(String fileName) {
        throw new AssertionError("no tables, no files");
      }

      @Override
      public Read read(String fileName, Consumer<Row> rows) {
        throw new AssertionError("no tables, no files");
      }
    };
    ReadChecklistPort reader = location -> Optional.ofNullable(checklists.get(location))
        .orElseThrow(() -> new InvalidChecklistException(location, null, null, "the file is empty"));
    RunChecklistQueryPort queries = (database, sql, timeout, rows) -> answer(database + "|" + sql, rows);
    RunSourceQueryPort sourceQueries = (sql, timeout, rows) -> answer("source|" + sql, rows);
    return new VerifyMigrationService(plans, manifests, readers -> {
      throw new AssertionError("no tables, no source snapshot");
    }, (table, columns, rows) -> 0,
        () -> new TargetSchema("public", "17.5", List.of()), integrity, (name, text, report) -> {
          markdown = text;
          json = report;
          return name + ".md";
        }, files, reader, queries, sourceQueries, Optional::empty, new InMemoryChanges(), new InMemoryLookups(),
        new InMemoryImports());
  }

  /** The fake servers: the answer stored under {@code key} (database + "|" + sql; "source|" + sql for the source). */
  private List<String> answer(String key, Consumer<List<String>> rows) {
    asked.add(key);
    Answer answer = answers.get(key);
    if (answer == null) {
      throw new AssertionError("unexpected query " + key);
    }
    if (answer.refusal() != null) {
      throw answer.refusal();
    }
    String[] reused = new String[answer.columns().size()];
    for (List<String> row : answer.rows()) {
      // Reuse one list for every row, as the real adapters do: the service must copy what it keeps.
      for (int i = 0; i < reused.length; i++) {
        reused[i] = row.get(i);
      }
      rows.accept(Arrays.asList(reused));
    }
    return answer.columns();
  }

  private VerifyMigrationReport verify(String... locations) {
    return service().verify(new VerifyMigrationCommand(2, List.of(locations), Map.of(), Duration.ofSeconds(5)));
  }

  private static ChecklistCheck zeroRows(String name, String sql) {
    return new ChecklistCheck(name, "rows that must not exist", null, sql, null);
  }

  @Test
  void aZeroRowsCheckPassesWithoutRowsAndFailsWithTheOffendingRowsCountedAndTheFirstShown() {
    checklists.put("app.yaml", new Checklist("app", Map.of(), List.of(
        zeroRows("clean", "SELECT 1 WHERE false"), zeroRows("dirty", "SELECT id, email FROM orphans"))));
    answers.put("null|SELECT 1 WHERE false", Answer.rows(List.of("?column?")));
    answers.put("null|SELECT id, email FROM orphans", Answer.rows(List.of("id", "email"),
        List.of("1", "a@example.org"), List.of("2", "b@example.org"), List.of("3", "c@example.org")));

    VerifyMigrationReport report = verify("app.yaml");

    assertFalse(report.passed());
    assertEquals(2, report.checks().size());
    assertTrue(report.checks().get(0).passed());
    VerifyMigrationReport.Check dirty = report.checks().get(1);
    assertEquals("dirty", dirty.name());
    assertEquals("checklist app", dirty.table());
    assertFalse(dirty.passed());
    assertEquals("expected zero rows, 3 offending row(s): (id='1', email='a@example.org'); (id='2',"
        + " email='b@example.org'); … — no source form: cannot tell whether the move caused it", dirty.detail());
    assertEquals(CheckOrigin.NOT_COMPARED, report.checklist().get(1).origin());
    CheckResult result = report.checklist().get(1);
    assertEquals(3, result.rows());
    assertEquals(List.of(List.of("1", "a@example.org"), List.of("2", "b@example.org")), result.examples(),
        "the first rows are copies, not the reused list");
    assertTrue(markdown.contains("### app / dirty: **FAIL**"), markdown);
    assertTrue(markdown.contains("| id | email |\n|---|---|\n| '1' | 'a@example.org' |"), markdown);
    assertTrue(markdown.contains("(first 2 of 3 rows)"), markdown);
    assertTrue(markdown.contains("result: **FAIL (1 of 2 checks)**"), markdown);
    assertEquals(2, ((VerifyMigrationReport) json).checklist().size());
  }

  @Test
  void aValueCheckPassesOnlyWithOneRowOfOneColumnHoldingTheValue() {
    checklists.put("values.yaml", new Checklist("values", Map.of(), List.of(
        new ChecklistCheck("count", null, null, "SELECT count(*) FROM platform", new Expectation.Value("1")),
        new ChecklistCheck("decimal", null, null, "SELECT 12.50", new Expectation.Value("12.5")),
        new ChecklistCheck("flag", null, null, "SELECT true", new Expectation.Value("true")),
        new ChecklistCheck("wrong", null, null, "SELECT count(*) FROM space", new Expectation.Value("1")),
        new ChecklistCheck("two-rows", null, null, "SELECT 1 UNION ALL SELECT 1", new Expectation.Value("1")),
        new ChecklistCheck("no-row", null, null, "SELECT 1 WHERE false", new Expectation.Value("1")))));
    answers.put("null|SELECT count(*) FROM platform", Answer.rows(List.of("count"), List.of("1")));
    answers.put("null|SELECT 12.50", Answer.rows(List.of("numeric"), List.of("12.50")));
    answers.put("null|SELECT true", Answer.rows(List.of("bool"), List.of("t")));
    answers.put("null|SELECT count(*) FROM space", Answer.rows(List.of("count"), List.of("2")));
    answers.put("null|SELECT 1 UNION ALL SELECT 1", Answer.rows(List.of("?column?"), List.of("1"), List.of("1")));
    answers.put("null|SELECT 1 WHERE false", Answer.rows(List.of("?column?")));

    List<VerifyMigrationReport.Check> checks = verify("values.yaml").checks();

    assertEquals(List.of(true, true, true, false, false, false),
        checks.stream().map(VerifyMigrationReport.Check::passed).toList());
    assertEquals("expected the single value '1', the query returned 1 row(s): (count='2')", checks.get(3).detail());
    assertEquals("expected the single value '1', the query returned 0 row(s)", checks.get(5).detail());
  }

  @Test
  void aFoundInCheckComparesTwoDatabasesAndListsTheRowsWhoseFirstValueTheOtherLacks() {
    checklists.put("cross.yaml", new Checklist("cross", Map.of("kratos", "kratos"), List.of(
        new ChecklistCheck("identities-without-user", null, "kratos", "SELECT email, id FROM identities",
            new Expectation.FoundIn(null, "SELECT email FROM \"user\"")))));
    answers.put("null|SELECT email FROM \"user\"", Answer.rows(List.of("email"), List.of("a@example.org"),
        List.of("b@example.org"), Arrays.asList((String) null)));
    answers.put("kratos_7|SELECT email, id FROM identities", Answer.rows(List.of("email", "id"),
        List.of("a@example.org", "i-1"), List.of("nobody@example.org", "i-2"), Arrays.asList(null, "i-3"),
        List.of("b@example.org", "i-4")));

    VerifyMigrationReport report = service().verify(new VerifyMigrationCommand(5, List.of("cross.yaml"),
        Map.of("kratos", "kratos_7"), Duration.ofSeconds(5)));

    assertEquals(List.of("null|SELECT email FROM \"user\"", "kratos_7|SELECT email, id FROM identities"), asked,
        "the alias is pointed at the database the command line names; 'target' is the target itself");
    VerifyMigrationReport.Check check = report.checks().get(0);
    assertFalse(check.passed());
    assertEquals("on kratos: expected every row's first value found by the query on target, 2 offending row(s):"
        + " (email='nobody@example.org', id='i-2'); (email=NULL, id='i-3')", check.detail());
  }

  @Test
  void aQueryTheServerRefusesIsAFailNamingTheCheckAndTheSqlStateAndTheOtherChecksStillRun() {
    checklists.put("app.yaml", new Checklist("app", Map.of(), List.of(
        zeroRows("typo", "SELECT * FROM no_such_table"), zeroRows("clean", "SELECT 1 WHERE false"))));
    answers.put("null|SELECT * FROM no_such_table",
        Answer.refused("alkemio", "42P01", "relation \"no_such_table\" does not exist"));
    answers.put("null|SELECT 1 WHERE false", Answer.rows(List.of("?column?")));

    VerifyMigrationReport report = verify("app.yaml");

    assertEquals(2, report.checks().size());
    VerifyMigrationReport.Check typo = report.checks().get(0);
    assertEquals("typo", typo.name());
    assertFalse(typo.passed());
    assertEquals("the query failed: SQLSTATE 42P01 on database alkemio: relation \"no_such_table\" does not exist",
        typo.detail());
    assertTrue(report.checks().get(1).passed());
    assertFalse(report.passed());
  }

  @Test
  void aBrokenChecklistStopsVerifyBeforeAnyCheckRunsOrAnyReportIsWritten() {
    InvalidChecklistException broken = assertThrows(InvalidChecklistException.class, () -> verify("missing.yaml"));

    assertEquals("missing.yaml", broken.file());
    assertTrue(asked.isEmpty());
    assertNull(markdown);
  }

  @Test
  void anAliasOnTheCommandLineThatNoChecklistDeclaresIsAConfigurationError() {
    checklists.put("app.yaml", new Checklist("app", Map.of(), List.of(zeroRows("clean", "SELECT 1 WHERE false"))));

    ConvergeException typo = assertThrows(ConvergeException.class, () -> service().verify(new VerifyMigrationCommand(
        5, List.of("app.yaml"), Map.of("kratoss", "kratos_7"), Duration.ofSeconds(5))));
    ConvergeException target = assertThrows(ConvergeException.class, () -> service().verify(new VerifyMigrationCommand(
        5, List.of("app.yaml"), Map.of("target", "other"), Duration.ofSeconds(5))));

    assertEquals(ErrorCode.CONFIGURATION, typo.code());
    assertTrue(typo.getMessage().contains("'kratoss'"), typo.getMessage());
    assertEquals(ErrorCode.CONFIGURATION, target.code());
    assertTrue(asked.isEmpty());
  }

  @Test
  void withoutAChecklistVerifyRunsOnlyItsOwnChecks() {
    VerifyMigrationReport report = service().verify(new VerifyMigrationCommand(5));

    assertTrue(report.checklist().isEmpty());
    assertTrue(asked.isEmpty());
    assertFalse(markdown.contains("## Checklist"), markdown);
  }
  private static ChecklistCheck withSourceForm(String name, String sql, String sourceSql) {
    return new ChecklistCheck(name, "rows that must not exist", null, sql, null, sourceSql);
  }

  @Test
  void aFailureWhoseRowsAllOffendInTheSourceTooIsPreExistingAndDoesNotFailVerify() {
    checklists.put("kratos.yaml", new Checklist("kratos", Map.of(), List.of(withSourceForm("no-address",
        "SELECT i.id, i.email FROM identities i", "SELECT i.`id`, i.email FROM identities i"))));
    // uuids print in lower case on PostgreSQL and as stored on MySQL; a padded key still matches.
    answers.put("null|SELECT i.id, i.email FROM identities i", Answer.rows(List.of("id", "email"),
        List.of("0a1b2c3d-0000-4000-8000-00000000000a", "a@example.org"),
        List.of("0a1b2c3d-0000-4000-8000-00000000000b", "b@example.org")));
    answers.put("source|SELECT i.`id`, i.email FROM identities i", Answer.rows(List.of("id", "email"),
        List.of("0A1B2C3D-0000-4000-8000-00000000000B ", "b@example.org"),
        List.of("0A1B2C3D-0000-4000-8000-00000000000A", "a@example.org"),
        List.of("0A1B2C3D-0000-4000-8000-00000000000C", "c@example.org")));

    VerifyMigrationReport report = verify("kratos.yaml");

    assertTrue(report.passed(), "a pre-existing condition does not fail verify");
    CheckResult result = report.checklist().get(0);
    assertFalse(result.passed());
    assertFalse(result.failsVerify());
    assertEquals(CheckOrigin.PRE_EXISTING, result.origin());
    assertEquals("PRE-EXISTING", result.verdict());
    assertEquals("true of the data before the move too (the source has 3 such rows)", result.comparison());
    assertEquals(2, result.rows());
    assertTrue(report.checks().get(0).detail().endsWith("— true of the data before the move too (the source has 3"
        + " such rows)"), report.checks().get(0).detail());
    assertTrue(markdown.contains("### kratos / no-address: PRE-EXISTING"), markdown);
    assertTrue(markdown.contains("| '0a1b2c3d-0000-4000-8000-00000000000a' | 'a@example.org' |"), markdown);
    assertTrue(markdown.contains("SELECT i.`id`, i.email FROM identities i"), markdown);
    assertTrue(markdown.contains("result: **PASS**"), markdown);
    assertEquals(CheckOrigin.PRE_EXISTING, ((VerifyMigrationReport) json).checklist().get(0).origin());
  }

  @Test
  void aFailureWithARowTheSourceDoesNotHaveIsBrokenByTheMoveAndNamesThatRow() {
    checklists.put("kratos.yaml", new Checklist("kratos", Map.of(), List.of(withSourceForm("no-address",
        "SELECT id FROM identities", "SELECT id FROM identities"))));
    // Two rows share the key b: both are counted, the key named once.
    answers.put("null|SELECT id FROM identities", Answer.rows(List.of("id"), List.of("a"), List.of("b"),
        List.of("b"), Arrays.asList((String) null)));
    answers.put("source|SELECT id FROM identities", Answer.rows(List.of("id"), List.of("A")));

    VerifyMigrationReport report = verify("kratos.yaml");

    assertFalse(report.passed());
    CheckResult result = report.checklist().get(0);
    assertTrue(result.failsVerify());
    assertEquals(CheckOrigin.BROKEN_BY_MOVE, result.origin());
    assertEquals("broken by the move: 3 row(s) not so in the source: id='b', id=NULL", result.comparison());
    assertFalse(report.checks().get(0).passed());
    assertTrue(markdown.contains("### kratos / no-address: **FAIL**"), markdown);
    assertTrue(markdown.contains("compared with the source: BROKEN_BY_MOVE, broken by the move"), markdown);
  }

  @Test
  void aSourceFormTheSourceRefusesIsReportedAndTheCheckStaysFailed() {
    checklists.put("kratos.yaml", new Checklist("kratos", Map.of(), List.of(withSourceForm("no-address",
        "SELECT id FROM identities", "SELECT id FROM identitees"))));
    answers.put("null|SELECT id FROM identities", Answer.rows(List.of("id"), List.of("a")));
    answers.put("source|SELECT id FROM identitees",
        Answer.refused("kratos", "42S02", "Table 'kratos.identitees' doesn't exist"));

    VerifyMigrationReport report = verify("kratos.yaml");

    assertFalse(report.passed());
    CheckResult result = report.checklist().get(0);
    assertEquals(CheckOrigin.NOT_COMPARED, result.origin());
    assertEquals("the source form failed: SQLSTATE 42S02 on the source database kratos: Table 'kratos.identitees'"
        + " doesn't exist; cannot tell whether the move caused it", result.comparison());
  }

  @Test
  void aPassingCheckNeverAsksTheSource() {
    checklists.put("kratos.yaml", new Checklist("kratos", Map.of(), List.of(withSourceForm("clean",
        "SELECT 1 WHERE false", "SELECT 1 FROM dual WHERE false"))));
    answers.put("null|SELECT 1 WHERE false", Answer.rows(List.of("?column?")));

    VerifyMigrationReport report = verify("kratos.yaml");

    assertTrue(report.passed());
    assertEquals(List.of("null|SELECT 1 WHERE false"), asked);
    assertEquals(CheckOrigin.NOT_COMPARED, report.checklist().get(0).origin());
    assertNull(report.checklist().get(0).comparison());
  }

  @Test
  void aSourceFormIsRefusedOnAnotherDatabaseAndOnANonZeroRowsCheck() {
    InvalidChecklistException alias = assertThrows(InvalidChecklistException.class, () -> new ChecklistCheck("c",
        null, "kratos", "SELECT 1", null, "SELECT 1"));
    InvalidChecklistException value = assertThrows(InvalidChecklistException.class, () -> new ChecklistCheck("c",
        null, null, "SELECT 1", new Expectation.Value("1"), "SELECT 1"));

    assertTrue(alias.getMessage().contains("source-sql"), alias.getMessage());
    assertTrue(value.getMessage().contains("zero-rows"), value.getMessage());
  }
}
