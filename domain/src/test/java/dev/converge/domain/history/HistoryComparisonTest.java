package dev.converge.domain.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.domain.history.HistoryTable.VersionScheme;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HistoryComparisonTest {

  private static final HistoryTable POP = new HistoryTable("schema_migration", "version", VersionScheme.POP);
  private static final HistoryTable FLYWAY = new HistoryTable("flyway_schema_history", "version", VersionScheme.EXACT);

  @Test
  void popPartsOfOneReleaseThatDifferBetweenDialectsAreNotAMismatch() {
    Set<String> mysql = Set.of("20200115120000000000", "20210109120000000000", "20210109120000000001",
        "20230514120000000000");
    Set<String> postgres = Set.of("20200115120000000000", "20210109120000000000", "20210109120000000002",
        "20230514120000000000", "20230514120000000003");

    HistoryComparison comparison = HistoryComparison.of(POP, mysql, postgres, Set.of());

    assertTrue(comparison.matches(), comparison.summary());
    assertEquals("20230514120000", comparison.newestShared());
    assertEquals(List.of("20210109120000000001", "20210109120000000002", "20230514120000000003"),
        comparison.dialectSpecific());
  }

  @Test
  void aTargetAtANewerReleaseIsAMismatchThatNamesTheReleasesInOrderAndSaysToUpgradeTheSource() {
    Set<String> source = Set.of("20200115120000000000", "20210109120000000000");
    Set<String> target = Set.of("20200115120000000000", "20210109120000000000", "20231201000000000000",
        "20230601000000000000", "20230601000000000001");

    HistoryComparison comparison = HistoryComparison.of(POP, source, target, Set.of());

    assertFalse(comparison.matches());
    assertEquals(List.of("20230601000000", "20231201000000"), comparison.targetAhead());
    String reason = comparison.mismatch().orElseThrow();
    assertTrue(reason.contains("20230601000000, 20231201000000") && reason.contains("Upgrade the source"), reason);
  }

  @Test
  void aSourceAtANewerReleaseIsAMismatchToo() {
    HistoryComparison comparison = HistoryComparison.of(FLYWAY, Set.of("1", "2", "10"), Set.of("1", "2"), Set.of());

    assertEquals(List.of("10"), comparison.sourceAhead());
    assertTrue(comparison.mismatch().orElseThrow().contains("source's application is newer"));
  }

  @Test
  void versionsOrderAsPeopleReadThem() {
    HistoryComparison comparison = HistoryComparison.of(FLYWAY, Set.of("1.9", "1.10", "2"), Set.of("1.9", "1.10"),
        Set.of());

    assertEquals("1.10", comparison.newestShared(), "1.10 is newer than 1.9");
    assertEquals(List.of("2"), comparison.sourceAhead());
  }

  @Test
  void anAcceptedReleaseIsNotHeldAgainstTheRun() {
    HistoryComparison comparison = HistoryComparison.of(FLYWAY, Set.of("1", "2", "3"), Set.of("1", "2"), Set.of("3"));

    assertTrue(comparison.matches());
    assertEquals(List.of("3"), comparison.accepted());
  }

  @Test
  void historiesWithNoSharedReleaseCannotBeComparedAndSaySo() {
    HistoryComparison comparison = HistoryComparison.of(new HistoryTable("migrations_typeorm", "timestamp",
        VersionScheme.EXACT), Set.of("1672531200000", "1675123200000"), Set.of("1735689600000"), Set.of());

    assertTrue(comparison.matches());
    assertTrue(comparison.disjoint());
    assertTrue(comparison.summary().contains("share no release"), comparison.summary());
  }

  @Test
  void anOperatorsTableKeepsAKnownSchemeAndDefaultsItsColumn() {
    assertEquals(new HistoryTable("schema_migration", "version", VersionScheme.POP), HistoryTable.parse("schema_migration"));
    assertEquals(new HistoryTable("app_versions", "tag", VersionScheme.EXACT), HistoryTable.parse("app_versions.tag"));
  }
}
