package dev.converge.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.application.port.out.ReadSourcePositionPort;
import dev.converge.application.port.in.SourceCheck;
import dev.converge.domain.manifest.SourcePosition;
import dev.converge.domain.manifest.TableFingerprint;
import dev.converge.domain.manifest.TableManifest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaleExportsTest {

  private static final Instant READ_AT = Instant.parse("2026-12-02T04:00:00.5Z");

  private static TableManifest table(String name) {
    return new TableManifest(name, name, List.of(), List.of(), 1, "x", "snapshot",
        new SourcePosition(SourcePosition.Kind.BINARY_LOG, "binlog.000001:100", READ_AT));
  }

  private static ReadSourcePositionPort movedTo(String value, Optional<Set<String>> written) {
    return new ReadSourcePositionPort() {
      @Override
      public Optional<SourcePosition> readSourcePosition() {
        return Optional.of(new SourcePosition(SourcePosition.Kind.BINARY_LOG, value, Instant.parse("2026-12-02T04:05:00Z")));
      }

      @Override
      public Optional<Set<String>> tablesWrittenSince(Instant since, Collection<String> tables) {
        assertEquals(READ_AT, since);
        return written;
      }
    };
  }

  private final List<TableManifest> tables = List.of(table("user"), table("profile"), table("space"));

  @Test
  void aPositionMovedByAnotherDatabaseOfTheServerIsNoStaleExport() {
    assertEquals(Optional.empty(), new StaleExports(movedTo("binlog.000001:900", Optional.of(Set.of()))).moved(tables));
  }

  @Test
  void onlyTheTablesWrittenSinceAreNamed() {
    String moved = new StaleExports(movedTo("binlog.000001:900", Optional.of(Set.of("profile")))).moved(tables)
        .orElseThrow();

    assertTrue(moved.contains("1 of 3 table(s) (profile) written since"), moved);
  }

  @Test
  void whenTheServerCannotTellThePositionAloneDecides() {
    String moved = new StaleExports(movedTo("binlog.000001:900", Optional.empty())).moved(tables).orElseThrow();

    assertTrue(moved.contains("all 3 table(s)"), moved);
    assertEquals(Optional.empty(), new StaleExports(movedTo("binlog.000001:100", Optional.empty())).moved(tables),
        "an unmoved position is never stale");
  }

  private static TableManifest fingerprinted(String name, long rows, String latest) {
    return new TableManifest(name, name, List.of(), List.of(), rows, "x", "snapshot", null,
        new TableFingerprint(rows, latest == null ? null : "updatedDate", latest, READ_AT), 0, 0, 0);
  }

  /** A source without a binary log: no position, each table's fingerprint as {@code now} says. */
  private static ReadSourcePositionPort counting(Map<String, TableFingerprint> now) {
    return new ReadSourcePositionPort() {
      @Override
      public Optional<SourcePosition> readSourcePosition() {
        return Optional.empty();
      }

      @Override
      public Optional<TableFingerprint> readFingerprint(String table, String updatedColumn) {
        return Optional.of(now.get(table));
      }
    };
  }

  private final List<TableManifest> withoutBinaryLog = List.of(fingerprinted("user", 3, "2026-12-02 03:59:00.000000"),
      fingerprinted("profile", 5, "2026-12-02 03:58:00.000000"), fingerprinted("tagset", 2, null));

  @Test
  void withoutAPositionTheTablesWhoseCountOrLatestUpdateChangedAreNamedWithBothFingerprints() {
    SourceCheck check = new StaleExports(counting(Map.of(
        "user", new TableFingerprint(3, "updatedDate", "2026-12-02 03:59:00.000000", Instant.parse("2026-12-02T05:00:00Z")),
        "profile", new TableFingerprint(5, "updatedDate", "2026-12-02 04:30:00.000000", Instant.parse("2026-12-02T05:00:00Z")),
        "tagset", new TableFingerprint(3, null, null, Instant.parse("2026-12-02T05:00:00Z"))))).check(withoutBinaryLog);

    assertEquals(SourceCheck.State.MOVED, check.state());
    assertEquals("the source moved since the export was read at 2026-12-02T04:00:00.500Z (2 of 3 table(s) (profile,"
        + " tagset), by fingerprint only, as the source kept no readable binary log or GTIDs at the export: a change"
        + " that leaves a table's row count and latest updated date alone is not seen): profile 5 rows, latest"
        + " updatedDate 2026-12-02 03:58:00.000000 then, 5 rows, latest updatedDate 2026-12-02 04:30:00.000000 now;"
        + " tagset 2 rows then, 3 rows now", check.line());
  }

  @Test
  void anUnchangedFingerprintIsCurrentAndSaysWhatItCannotSee() {
    SourceCheck check = new StaleExports(counting(Map.of(
        "user", new TableFingerprint(3, "updatedDate", "2026-12-02 03:59:00.000000", Instant.parse("2026-12-02T05:00:00Z")),
        "profile", new TableFingerprint(5, "updatedDate", "2026-12-02 03:58:00.000000", Instant.parse("2026-12-02T05:00:00Z")),
        "tagset", new TableFingerprint(2, null, null, Instant.parse("2026-12-02T05:00:00Z"))))).check(withoutBinaryLog);

    assertEquals(SourceCheck.State.CURRENT, check.state());
    assertTrue(check.line().startsWith("the export is current: every table has the row count and latest updated date"
        + " the export read (by fingerprint only"), check.line());
    assertTrue(check.line().contains("is not seen"), check.line());
    assertEquals(Optional.empty(), new StaleExports(counting(Map.of())).moved(List.of()), "nothing exported, nothing moved");
  }

  @Test
  void aManifestWithNeitherPositionNorFingerprintCannotBeCompared() {
    SourceCheck check = new StaleExports(counting(Map.of())).check(List.of(new TableManifest("user", "user", List.of(),
        List.of(), 1, "x", "snapshot", null)));

    assertEquals(SourceCheck.State.UNKNOWN, check.state());
    assertTrue(check.line().contains("neither a source position nor table fingerprints"), check.line());
  }

  @Test
  void aRecordedPositionTheSourceNoLongerKeepsCannotBeCompared() {
    SourceCheck check = new StaleExports(counting(Map.of())).check(tables);

    assertEquals(SourceCheck.State.UNKNOWN, check.state());
    assertTrue(check.line().contains("the source keeps no position now"), check.line());
  }

  @Test
  void anUnmovedPositionIsCurrent() {
    SourceCheck check = new StaleExports(movedTo("binlog.000001:100", Optional.empty())).check(tables);

    assertEquals(new SourceCheck(SourceCheck.State.CURRENT, "the export is current: the source is at the binary-log"
        + " position the export was read at (binlog.000001:100)"), check);
    assertTrue(new StaleExports(movedTo("binlog.000001:100", Optional.empty()))
        .check(tables, "what the target was loaded and synced from").line()
        .startsWith("what the target was loaded and synced from is current: "), "status after a sync says what is current");
  }
}
