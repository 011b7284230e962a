package dev.converge.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.converge.domain.plan.RowDecisions;
import dev.converge.domain.plan.ValueLookup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceLookupsTest {

  private static final String SQL = "SELECT id FROM user WHERE nameID = ?";
  private static final RowDecisions MAPPED = new RowDecisions(Map.of(), Map.of(), Map.of("activity.triggeredBy", SQL));

  @Test
  void withoutAMapNoSessionIsOpened() {
    InMemoryLookups port = new InMemoryLookups();
    try (SourceLookups.Opened opened = SourceLookups.open(port, RowDecisions.NONE)) {
      assertSame(ValueLookup.NONE, opened.lookup());
    }
    assertEquals(0, port.opened);
  }

  @Test
  void eachValueIsAskedOnceBinaryValuesByTheirBytesAndTheSessionClosesWithThePhase() {
    InMemoryLookups port = new InMemoryLookups().answer(SQL, "alice", "id-1");
    try (SourceLookups.Opened opened = SourceLookups.open(port, MAPPED)) {
      for (int i = 0; i < 3; i++) {
        assertEquals(List.of("id-1"), opened.lookup().matches(SQL, "alice"));
        assertEquals(List.of(), opened.lookup().matches(SQL, new byte[] {1, 2}));
      }
      opened.lookup().matches(SQL, new byte[] {1, 3});
    }
    assertEquals(3, port.asked, "alice, 0x0102 and 0x0103 once each");
    assertEquals(1, port.closed);
  }

  @Test
  void theCacheIsBoundedAndKeepsTheMostRecentlyUsedAnswers() {
    InMemoryLookups port = new InMemoryLookups();
    try (SourceLookups.Opened opened = SourceLookups.open(port, MAPPED)) {
      ValueLookup lookup = opened.lookup();
      lookup.matches(SQL, "first");
      for (int i = 0; i < SourceLookups.CACHED; i++) {
        lookup.matches(SQL, "v" + i);
        if (i % 1000 == 0) {
          lookup.matches(SQL, "first"); // kept: used recently
        }
      }
      int asked = port.asked;
      lookup.matches(SQL, "first");
      assertEquals(asked, port.asked, "a recently used answer is still cached");
      lookup.matches(SQL, "v0");
      assertEquals(asked + 1, port.asked, "the least recently used answer was dropped");
    }
  }
}
