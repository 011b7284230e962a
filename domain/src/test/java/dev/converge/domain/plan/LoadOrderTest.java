package dev.converge.domain.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoadOrderTest {

  @Test
  void aChainOfSevenTablesTakesSevenLevels() {
    Map<String, Set<String>> references = new LinkedHashMap<>();
    for (int i = 0; i < 7; i++) {
      references.put("t" + i, i == 0 ? Set.of() : Set.of("t" + (i - 1)));
    }
    LoadOrder order = LoadOrder.of(references);
    assertEquals(7, order.levels().size());
    for (int i = 0; i < 7; i++) {
      assertEquals(List.of("t" + i), order.levels().get(i));
    }
  }

  @Test
  void aTableThatDependsOnACycleComesAfterTheWholeCycle() {
    LoadOrder order = LoadOrder.of(Map.of(
        "a", Set.of("b", "root"), "b", Set.of("a"), "root", Set.of(), "leaf", Set.of("a")));
    assertEquals(List.of(List.of("root"), List.of("a", "b"), List.of("leaf")), order.levels());
    assertEquals(List.of(List.of("a", "b")), order.cycles());
    assertTrue(order.inCycle("b"));
  }

  @Test
  void referencesToTablesOutsideThePlanAreIgnored() {
    LoadOrder order = LoadOrder.of(Map.of("child", Set.of("not_copied")));
    assertEquals(List.of(List.of("child")), order.levels());
  }

  @Test
  void aSelfReferenceIsNotACycleAndDoesNotRaiseTheLevel() {
    LoadOrder order = LoadOrder.of(Map.of("tree", Set.of("tree")));
    assertEquals(List.of(List.of("tree")), order.levels());
    assertEquals(Set.of("tree"), order.selfReferencing());
    assertTrue(order.cycles().isEmpty());
  }

  @Test
  void tenThousandTablesInOneLongChainDoNotOverflowTheStack() {
    Map<String, Set<String>> references = new LinkedHashMap<>();
    for (int i = 0; i < 10_000; i++) {
      references.put("t" + i, Set.of("t" + (i + 1) % 10_000));
    }
    LoadOrder order = LoadOrder.of(references);
    assertEquals(1, order.cycles().size());
    assertEquals(10_000, order.cycles().get(0).size());
  }
}
