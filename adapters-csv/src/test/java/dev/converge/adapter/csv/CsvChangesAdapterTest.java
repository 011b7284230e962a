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
  void beforeAnyExportTheSummaryIsEmpty() {
    assertEquals(Map.of(), new CsvChangesAdapter(directory).summary().counts());
  }
}
