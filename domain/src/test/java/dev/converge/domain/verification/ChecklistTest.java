package dev.converge.domain.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.domain.failure.InvalidChecklistException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChecklistTest {

  private static ChecklistCheck check(String name, String database, Expectation expect) {
    return new ChecklistCheck(name, null, database, "SELECT 1", expect);
  }

  @Test
  void aCheckDefaultsToTheTargetDatabaseAndZeroRows() {
    ChecklistCheck check = check("a", null, null);

    assertEquals(Checklist.TARGET, check.database());
    assertEquals(new Expectation.ZeroRows(), check.expect());
    assertEquals("", check.description());
  }

  @Test
  void aCheckNeedsANameAndSqlAndSaysWhichFieldIsWrong() {
    InvalidChecklistException noSql = assertThrows(InvalidChecklistException.class,
        () -> new ChecklistCheck("a", null, null, "  ", null));
    InvalidChecklistException badName = assertThrows(InvalidChecklistException.class,
        () -> check("has spaces", null, null));

    assertEquals("sql", noSql.field());
    assertEquals("a", noSql.check());
    assertEquals("name", badName.field());
  }

  @Test
  void checkNamesAreUniqueAndEveryDatabaseAliasIsDeclared() {
    InvalidChecklistException twice = assertThrows(InvalidChecklistException.class,
        () -> new Checklist("c", Map.of(), List.of(check("a", null, null), check("a", null, null))));
    InvalidChecklistException undeclared = assertThrows(InvalidChecklistException.class,
        () -> new Checklist("c", Map.of(), List.of(check("a", "kratos", null))));
    InvalidChecklistException undeclaredOther = assertThrows(InvalidChecklistException.class,
        () -> new Checklist("c", Map.of("kratos", "kratos"), List.of(check("a", "kratos",
            new Expectation.FoundIn("alkemio", "SELECT 1")))));
    InvalidChecklistException redefined = assertThrows(InvalidChecklistException.class,
        () -> new Checklist("c", Map.of("target", "x"), List.of(check("a", null, null))));

    assertEquals("name", twice.field());
    assertEquals("database", undeclared.field());
    assertEquals("a", undeclared.check());
    assertEquals("expect.found-in.database", undeclaredOther.field());
    assertEquals("databases.target", redefined.field());
    assertTrue(new Checklist("c", Map.of("kratos", "kratos_1"), List.of(check("a", "kratos", null))).checks().size() == 1);
  }

  @Test
  void aValueComparesAsTextNumbersByValueAndBooleansAsPostgresPrintsThem() {
    assertTrue(new Expectation.Value("1").matches("1"));
    assertTrue(new Expectation.Value("12.5").matches("12.50"));
    assertTrue(new Expectation.Value("true").matches("t"));
    assertTrue(new Expectation.Value("false").matches("f"));
    assertTrue(new Expectation.Value(null).matches(null));
    assertTrue(new Expectation.Value("active").matches("active"));
    assertFalse(new Expectation.Value("1").matches("2"));
    assertFalse(new Expectation.Value("1").matches(null));
    assertFalse(new Expectation.Value(null).matches("NULL"));
    assertFalse(new Expectation.Value("true").matches("f"));
    assertFalse(new Expectation.Value("Active").matches("active"));
  }

  @Test
  void theExceptionPlacedInAFileKeepsTheCheckItAlreadyNames() {
    InvalidChecklistException placed = new InvalidChecklistException(null, "a", "sql", "is required").in("x.yaml", "#2");

    assertEquals("checklist x.yaml, check a, field 'sql': is required", placed.getMessage());
  }
}
