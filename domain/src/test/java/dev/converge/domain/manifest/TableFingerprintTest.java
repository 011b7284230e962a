package dev.converge.domain.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.domain.schema.SourceColumn;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TableFingerprintTest {

  private static SourceColumn column(String name, String type) {
    return new SourceColumn(name, 1, type, type, true, null, null, null, null, false, false, false, null, List.of());
  }

  private static Optional<String> updated(SourceColumn... columns) {
    return TableFingerprint.updatedColumn(List.of(columns)).map(SourceColumn::name);
  }

  @Test
  void theUpdatedDateColumnIsFoundByItsNameInAnyCaseAndOnlyWhenItIsATimestampOrDatetime() {
    assertEquals(Optional.of("updatedDate"), updated(column("id", "char"), column("createdDate", "datetime"),
        column("updatedDate", "datetime")));
    assertEquals(Optional.of("updated_at"), updated(column("created_at", "timestamp"), column("updated_at", "timestamp")));
    assertEquals(Optional.of("UPDATED_AT"), updated(column("modified", "datetime"), column("UPDATED_AT", "timestamp")),
        "the most telling name wins over a looser one");
    assertEquals(Optional.of("row_modified_when"), updated(column("row_modified_when", "datetime")),
        "else a name that speaks of a modification");
    assertEquals(Optional.empty(), updated(column("updatedDate", "varchar"), column("createdDate", "datetime")),
        "a text column of that name does not order as dates do, and a creation date shows no update");
  }

  @Test
  void theTallyCountsEveryRowAndKeepsTheLatestValueWhateverTheOrderAndThreads() {
    List<SourceColumn> columns = List.of(column("id", "int"), column("updatedDate", "datetime"));
    TableFingerprint.Tally tally = new TableFingerprint.Tally(columns);
    IntStream.range(0, 10_000).parallel().forEach(i -> tally.see(new Object[] {String.valueOf(i),
        i == 4321 ? "2026-12-02 04:00:00.000001" : i % 7 == 0 ? null : "2026-12-01 23:59:59.999999"}));

    assertEquals(new TableFingerprint(10_000, "updatedDate", "2026-12-02 04:00:00.000001", Instant.parse("2026-12-02T05:00:00Z")),
        tally.fingerprint(Instant.parse("2026-12-02T05:00:00Z")));
  }

  @Test
  void aTableWithoutAnUpdatedDateIsToldByItsCountAloneAndSaysSo() {
    TableFingerprint.Tally tally = new TableFingerprint.Tally(List.of(column("id", "int")));
    tally.see(new Object[] {"1"});
    TableFingerprint fingerprint = tally.fingerprint(Instant.parse("2026-12-02T05:00:00Z"));

    assertEquals("1 rows", fingerprint.describe());
    assertEquals("row count only (no updated-date column)", fingerprint.compares());
  }

  @Test
  void twoFingerprintsTellTheSameRowsWhenCountAndLatestValueAgreeWhenEverTheyWereRead() {
    TableFingerprint then = new TableFingerprint(3, "updatedDate", "2026-12-02 04:00:00", Instant.parse("2026-12-02T05:00:00Z"));

    assertTrue(then.sameAs(new TableFingerprint(3, "updatedDate", "2026-12-02 04:00:00", Instant.parse("2026-12-03T00:00:00Z"))));
    assertFalse(then.sameAs(new TableFingerprint(4, "updatedDate", "2026-12-02 04:00:00", Instant.parse("2026-12-03T00:00:00Z"))));
    assertFalse(then.sameAs(new TableFingerprint(3, "updatedDate", "2026-12-02 04:00:01", Instant.parse("2026-12-03T00:00:00Z"))));
    assertEquals("3 rows, latest updatedDate 2026-12-02 04:00:00", then.describe());
  }
}
