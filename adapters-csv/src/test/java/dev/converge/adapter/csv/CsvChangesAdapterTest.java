package dev.converge.adapter.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.application.port.out.RecordChangesPort;
import dev.converge.domain.plan.ValueChange;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvChangesAdapterTest {

  @TempDir Path directory;

  @Test
  void theSummaryCountsEachTablesDecisionsFromChangesCsvAndNamesWhereTheAuditLies() {
    CsvChangesAdapter adapter = new CsvChangesAdapter(directory);
    try (RecordChangesPort.Changes changes = adapter.open()) {
      changes.change(new ValueChange("user", "id='1'", "bio", "'a\\x00'", "'a'",
          "policy: nul-bytes=strip: contains a NUL character, which PostgreSQL text cannot hold"));
      changes.change(new ValueChange("user", "id='2'", "bio", "'b\\x00'", "'b'",
          "policy: nul-bytes=strip: contains a NUL character, which PostgreSQL text cannot hold"));
      changes.change(new ValueChange("user", "id='3'", "locale", "NULL", "'en'", "default"));
      changes.change(new ValueChange("activity", "id='4'", "triggeredBy", "'alice'", "'id-1'", "map: SELECT id FROM user"
          + " WHERE nameID = ?"));
      changes.quarantine("activity", List.of("id", "triggeredBy"), List.of("'5'", "'nobody'"), new ValueChange("activity",
          "id='5'", "triggeredBy", "'nobody'", ValueChange.QUARANTINED, "quarantine: unmapped: the column's map lookup"
              + " found no row for the value (SELECT id FROM user WHERE nameID = ?)"));
    }

    RecordChangesPort.Summary summary = adapter.summary();

    assertEquals(Map.of("user", Map.of("policy: nul-bytes=strip", 2L, "default", 1L),
        "activity", Map.of("map", 1L, "quarantine: unmapped", 1L)), summary.counts());
    assertEquals(directory.resolve("changes.csv").toString(), summary.changesFile());
    assertEquals(Set.of("id='5'"), adapter.quarantinedKeys("activity"));
  }

  @Test
  void aRewriteReplacesTheKeptTablesRecordsAndLeavesTheOthersAsTheyWere() throws Exception {
    CsvChangesAdapter adapter = new CsvChangesAdapter(directory);
    try (RecordChangesPort.Changes changes = adapter.open()) {
      changes.change(new ValueChange("user", "id='3'", "locale", "NULL", "'en'", "default"));
      changes.quarantine("space", List.of("id", "name"), List.of("'1'", "'a\\x00'"), new ValueChange("space", "id='1'",
          "name", "'a\\x00'", ValueChange.QUARANTINED, "quarantine: invalid-value: contains a NUL character"));
      changes.quarantine("tagset", List.of("id"), List.of("'7'"), new ValueChange("tagset", "id='7'", "id", "'7'",
          ValueChange.QUARANTINED, "quarantine: parent-quarantined: its parent in space was set aside"));
    }

    try (RecordChangesPort.Rewrite rewrite = adapter.rewrite()) {
      // space: row 1 is clean now, row 2 is set aside instead; tagset: nothing set aside any more;
      // user: staged but its table failed (not kept), so its earlier records stay.
      rewrite.table("space").quarantine("space", List.of("id", "name"), List.of("'2'", "'b\\x00'"), new ValueChange(
          "space", "id='2'", "name", "'b\\x00'", ValueChange.QUARANTINED, "quarantine: invalid-value: a NUL"));
      rewrite.table("tagset");
      rewrite.table("user").change(new ValueChange("user", "id='9'", "locale", "NULL", "'en'", "default"));
      RecordChangesPort.Changes again = rewrite.table("space");
      again.quarantine("space", List.of("id", "name"), List.of("'2'", "'b\\x00'"), new ValueChange("space", "id='2'",
          "name", "'b\\x00'", ValueChange.QUARANTINED, "quarantine: invalid-value: a NUL"));
      again.change(new ValueChange("space", "id='3'", "name", "NULL", "'x'", "default"));
      rewrite.keep("space");
      rewrite.keep("tagset");
    }

    assertEquals(Map.of("user", Map.of("default", 1L), "space", Map.of("quarantine: invalid-value", 1L, "default", 1L)),
        adapter.summary().counts());
    assertEquals(Set.of("id='2'"), adapter.quarantinedKeys("space"), "staged once: the table begun again replaced");
    assertEquals(Set.of(), adapter.quarantinedKeys("tagset"));
    assertEquals(false, java.nio.file.Files.exists(directory.resolve("quarantine").resolve("tagset.csv")));
    assertEquals(List.of("key,column,rule,id,name", "id='2',name,quarantine: invalid-value: a NUL,'2','b\\x00'"),
        java.nio.file.Files.readAllLines(directory.resolve("quarantine").resolve("space.csv")));
    assertEquals(false, java.nio.file.Files.exists(directory.resolve(".staged-records")), "no staging left behind");
  }

  @Test
  void beforeAnyExportTheSummaryIsEmpty() {
    assertEquals(Map.of(), new CsvChangesAdapter(directory).summary().counts());
  }
}
