package dev.converge.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.application.port.out.ReadSourcePositionPort;
import dev.converge.domain.manifest.SourcePosition;
import dev.converge.domain.manifest.TableManifest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaleExportsTest {

  private static final String READ_AT = "2026-12-02T04:00:00.5Z";

  private static TableManifest table(String name) {
    return new TableManifest(name, name, List.of(), List.of(), 1, "x", "snapshot",
        new SourcePosition(SourcePosition.Kind.BINARY_LOG, "binlog.000001:100", READ_AT));
  }

  private static ReadSourcePositionPort movedTo(String value, Optional<Set<String>> written) {
    return new ReadSourcePositionPort() {
      @Override
      public Optional<SourcePosition> readSourcePosition() {
        return Optional.of(new SourcePosition(SourcePosition.Kind.BINARY_LOG, value, "2026-12-02T04:05:00Z"));
      }

      @Override
      public Optional<Set<String>> tablesWrittenSince(Instant since, Collection<String> tables) {
        assertEquals(Instant.parse(READ_AT), since);
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
}
