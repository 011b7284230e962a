package dev.converge.adapter.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.failure.InvalidChecklistException;
import dev.converge.domain.verification.Checklist;
import dev.converge.domain.verification.ChecklistCheck;
import dev.converge.domain.verification.Expectation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JacksonChecklistFileAdapterTest {

  @TempDir Path directory;

  private final JacksonChecklistFileAdapter adapter = new JacksonChecklistFileAdapter();

  private String file(String name, String text) throws IOException {
    Path file = directory.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file.toString();
  }

  @Test
  void aYamlFileWithEveryKindOfExpectationIsRead() throws IOException {
    String location = file("ops.yaml", """
        databases:
          kratos: kratos_prod
        checks:
          - name: orphans
            description: Rows without parent.
            sql: |
              SELECT id FROM child
              WHERE parent IS NULL
          - name: one-platform
            sql: SELECT count(*) FROM platform
            expect: {value: 1}
          - name: explicit
            sql: SELECT 1 WHERE false
            expect: zero-rows
          - name: emails
            database: kratos
            sql: SELECT traits->>'email' FROM identities
            expect:
              found-in:
                sql: SELECT email FROM "user"
        """);

    Checklist checklist = adapter.read(location);

    assertEquals("ops", checklist.name(), "named after the file when it has no name");
    assertEquals(Map.of("kratos", "kratos_prod"), checklist.databases());
    assertEquals(4, checklist.checks().size());
    ChecklistCheck orphans = checklist.checks().get(0);
    assertEquals("Rows without parent.", orphans.description());
    assertEquals("SELECT id FROM child\nWHERE parent IS NULL\n", orphans.sql());
    assertEquals(new Expectation.ZeroRows(), orphans.expect());
    assertEquals(new Expectation.Value("1"), checklist.checks().get(1).expect());
    assertEquals(new Expectation.ZeroRows(), checklist.checks().get(2).expect());
    assertEquals("kratos", checklist.checks().get(3).database());
    assertEquals(new Expectation.FoundIn("target", "SELECT email FROM \"user\""), checklist.checks().get(3).expect());
  }

  @Test
  void aJsonFileIsReadByItsExtension() throws IOException {
    String location = file("ops.json", """
        {"name": "json-list", "checks": [
          {"name": "one", "sql": "SELECT 1", "expect": {"value": "1"}},
          {"name": "none", "sql": "SELECT 1 WHERE false", "expect": {"value": null}}
        ]}
        """);

    Checklist checklist = adapter.read(location);

    assertEquals("json-list", checklist.name());
    assertEquals(new Expectation.Value(null), checklist.checks().get(1).expect());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      builtin:alkemio        | alkemio        | 9
      builtin:kratos         | kratos         | 5
      builtin:alkemio-kratos | alkemio-kratos | 2
      """)
  void theShippedChecklistsAreValid(String location, String name, int checks) {
    Checklist checklist = adapter.read(location);

    assertEquals(name, checklist.name());
    assertEquals(checks, checklist.checks().size());
  }

  @Test
  void theCrossDatabaseChecklistComparesKratosEmailsWithAlkemioUsers() {
    Checklist checklist = adapter.read("builtin:alkemio-kratos");
    ChecklistCheck emails = checklist.checks().get(0);

    assertEquals("kratos-identities-without-alkemio-user", emails.name());
    assertEquals("kratos", emails.database());
    assertEquals(Map.of("kratos", "kratos"), checklist.databases());
    assertTrue(emails.expect() instanceof Expectation.FoundIn found && found.database().equals("target"));
  }

  @Test
  void aCheckCarriesItsSourceFormAndEveryShippedZeroRowsCheckOnTheTargetHasOne() throws IOException {
    String location = file("source.yaml", """
        checks:
          - name: orphans
            sql: SELECT id FROM child
            source-sql: SELECT `id` FROM child
          - name: plain
            sql: SELECT 1 WHERE false
        """);

    Checklist checklist = adapter.read(location);

    assertEquals("SELECT `id` FROM child", checklist.checks().get(0).sourceSql());
    assertEquals(null, checklist.checks().get(1).sourceSql());
    for (String builtin : List.of("kratos", "alkemio")) {
      for (ChecklistCheck check : adapter.read("builtin:" + builtin).checks()) {
        if (check.expect() instanceof Expectation.ZeroRows) {
          assertTrue(check.sourceSql() != null, builtin + " / " + check.name() + " has no source-sql");
        }
      }
    }
  }

  @Test
  void anUnknownBuiltinListsTheShippedOnes() {
    ConvergeException unknown = assertThrows(ConvergeException.class, () -> adapter.read("builtin:wordpress"));

    assertEquals(ErrorCode.CONFIGURATION, unknown.code());
    assertTrue(unknown.getMessage().contains("builtin:alkemio, builtin:kratos, builtin:alkemio-kratos"),
        unknown.getMessage());
  }

  @Test
  void aMissingFileIsAConfigurationErrorNamingIt() {
    String missing = directory.resolve("nope.yaml").toString();

    ConvergeException error = assertThrows(ConvergeException.class, () -> adapter.read(missing));

    assertEquals(ErrorCode.CONFIGURATION, error.code());
    assertEquals("the checklist file " + missing + " does not exist", error.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      no sql                 | "checks: [{name: a}]"                                                   | a  | sql
      sql not text           | "checks: [{name: a, sql: [1, 2]}]"                                       | a  | sql
      misspelt field         | "checks: [{name: a, sql: SELECT 1, expcet: zero-rows}]"                   | a  | expcet
      unknown expectation    | "checks: [{name: a, sql: SELECT 1, expect: none}]"                        | a  | expect
      value not scalar       | "checks: [{name: a, sql: SELECT 1, expect: {value: [1]}}]"                | a  | expect.value
      found-in without sql   | "checks: [{name: a, sql: SELECT 1, expect: {found-in: {database: target}}}]" | a  | expect.found-in.sql
      found-in misspelt      | "checks: [{name: a, sql: SELECT 1, expect: {found-in: {sql: x, db: k}}}]"   | a  | expect.found-in.db
      undeclared database    | "checks: [{name: a, sql: SELECT 1, database: kratos}]"                    | a  | database
      second check unnamed   | "checks: [{name: a, sql: SELECT 1}, {sql: SELECT 2}]"                     | #2 | name
      duplicate name         | "checks: [{name: a, sql: SELECT 1}, {name: a, sql: SELECT 2}]"            | a  | name
      source-sql not text    | "checks: [{name: a, sql: SELECT 1, source-sql: [1]}]"                     | a  | source-sql
      source-sql blank       | "checks: [{name: a, sql: SELECT 1, source-sql: ' '}]"                     | a  | source-sql
      source-sql on an alias | "{databases: {kratos: k}, checks: [{name: a, sql: SELECT 1, database: kratos, source-sql: SELECT 1}]}" | a | source-sql
      source-sql on found-in | "checks: [{name: a, sql: SELECT 1, source-sql: SELECT 1, expect: {found-in: {sql: SELECT 1}}}]" | a | source-sql
      source-sql on a value  | "checks: [{name: a, sql: SELECT 1, source-sql: SELECT 1, expect: {value: 1}}]" | a | source-sql
      """)
  void aBrokenCheckIsReportedWithTheFileTheCheckAndTheField(String what, String text, String check, String field)
      throws IOException {
    String location = file("broken.yaml", text);

    InvalidChecklistException error = assertThrows(InvalidChecklistException.class, () -> adapter.read(location));

    assertEquals(location, error.file());
    assertEquals(check, error.check(), error.getMessage());
    assertEquals(field, error.field(), error.getMessage());
    assertEquals(ErrorCode.CONFIGURATION, error.code());
    assertTrue(error.getMessage().startsWith("checklist " + location + ", check " + check + ", field '" + field + "': "),
        error.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      empty file             | ""                                            | the file is empty
      not a mapping          | "- a\n- b"                                    | must hold a mapping
      no checks              | "name: x"                                     | 'checks': is required
      no checks at all       | "checks: []"                                  | has no checks
      misspelt top field     | "check: []"                                   | field 'check': unknown field
      database not text      | "databases: {kratos: [1]}\nchecks: [{name: a, sql: x}]" | field 'databases.kratos'
      """)
  void aBrokenFileIsReportedWithTheFile(String what, String text, String expected) throws IOException {
    String location = file("broken.yaml", text.replace("\\n", "\n"));

    InvalidChecklistException error = assertThrows(InvalidChecklistException.class, () -> adapter.read(location));

    assertTrue(error.getMessage().startsWith("checklist " + location), error.getMessage());
    assertTrue(error.getMessage().contains(expected), error.getMessage());
  }

  @Test
  void invalidYamlNamesTheLineAndATwiceGivenKeyIsRefused() throws IOException {
    String badIndent = file("indent.yaml", "checks:\n  - name: a\n    sql: SELECT 1\n   expect: zero-rows\n");
    String twice = file("twice.yaml", "checks:\n  - name: a\n    sql: SELECT 1\n    sql: SELECT 2\n");

    InvalidChecklistException indent = assertThrows(InvalidChecklistException.class, () -> adapter.read(badIndent));
    InvalidChecklistException duplicate = assertThrows(InvalidChecklistException.class, () -> adapter.read(twice));

    assertTrue(indent.getMessage().startsWith("checklist " + badIndent + ": not valid YAML at line 4"),
        indent.getMessage());
    assertTrue(duplicate.getMessage().contains("not valid YAML") && duplicate.getMessage().contains("sql"),
        duplicate.getMessage());
  }
}
