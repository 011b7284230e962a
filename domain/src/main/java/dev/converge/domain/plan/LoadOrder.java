package dev.converge.domain.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The order to load tables in, from the target's foreign keys: level 0 references nothing, each
 * later level references only lower levels or its own cycle. Self-references and cycles are kept,
 * not dropped, so that the load can switch foreign-key enforcement off for exactly those.
 *
 * @param levels table names per level, each level sorted by name
 * @param selfReferencing tables with a foreign key to themselves
 * @param cycles groups of two or more tables that reference each other, each sorted
 */
public record LoadOrder(List<List<String>> levels, Set<String> selfReferencing, List<List<String>> cycles) {

  public LoadOrder {
    levels = levels.stream().map(List::copyOf).toList();
    selfReferencing = Set.copyOf(selfReferencing);
    cycles = cycles.stream().map(List::copyOf).toList();
  }

  /** Computes the order for {@code references}: table → the tables its foreign keys point at. */
  public static LoadOrder of(Map<String, Set<String>> references) {
    Map<String, Set<String>> graph = new TreeMap<>();
    Set<String> selfReferencing = new TreeSet<>();
    references.forEach((table, parents) -> {
      graph.computeIfAbsent(table, key -> new TreeSet<>());
      for (String parent : parents) {
        if (parent.equals(table)) {
          selfReferencing.add(table);
        } else if (references.containsKey(parent)) {
          graph.get(table).add(parent);
        }
      }
    });
    List<List<String>> components = new StronglyConnected(graph).components();
    Map<String, Integer> componentOf = new HashMap<>();
    for (int i = 0; i < components.size(); i++) {
      for (String table : components.get(i)) {
        componentOf.put(table, i);
      }
    }
    // Tarjan's algorithm emits a component only after every component it depends on.
    int[] levelOfComponent = new int[components.size()];
    for (int i = 0; i < components.size(); i++) {
      int level = 0;
      for (String table : components.get(i)) {
        for (String parent : graph.get(table)) {
          int parentComponent = componentOf.get(parent);
          if (parentComponent != i) {
            level = Math.max(level, levelOfComponent[parentComponent] + 1);
          }
        }
      }
      levelOfComponent[i] = level;
    }
    TreeMap<Integer, TreeSet<String>> levels = new TreeMap<>();
    List<List<String>> cycles = new ArrayList<>();
    for (int i = 0; i < components.size(); i++) {
      levels.computeIfAbsent(levelOfComponent[i], key -> new TreeSet<>()).addAll(components.get(i));
      if (components.get(i).size() > 1) {
        cycles.add(new ArrayList<>(new TreeSet<>(components.get(i))));
      }
    }
    cycles.sort((a, b) -> a.get(0).compareTo(b.get(0)));
    return new LoadOrder(levels.values().stream().map(level -> (List<String>) new ArrayList<>(level)).toList(),
        selfReferencing, cycles);
  }

  /** The level of a table, or -1 when it is not part of the order. */
  public int levelOf(String table) {
    for (int level = 0; level < levels.size(); level++) {
      if (levels.get(level).contains(table)) {
        return level;
      }
    }
    return -1;
  }

  public boolean inCycle(String table) {
    return cycles.stream().anyMatch(cycle -> cycle.contains(table));
  }

  /** Tarjan's strongly connected components, iterative so that deep FK chains cannot overflow the stack. */
  private static final class StronglyConnected {
    private final Map<String, Set<String>> graph;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> lowLink = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new java.util.HashSet<>();
    private final List<List<String>> components = new ArrayList<>();
    private int counter;

    StronglyConnected(Map<String, Set<String>> graph) {
      this.graph = graph;
    }

    List<List<String>> components() {
      for (String table : graph.keySet()) {
        if (!index.containsKey(table)) {
          visit(table);
        }
      }
      return components;
    }

    private void visit(String root) {
      Deque<Map.Entry<String, java.util.Iterator<String>>> work = new ArrayDeque<>();
      enter(root);
      work.push(Map.entry(root, graph.get(root).iterator()));
      while (!work.isEmpty()) {
        Map.Entry<String, java.util.Iterator<String>> frame = work.peek();
        String table = frame.getKey();
        if (frame.getValue().hasNext()) {
          String parent = frame.getValue().next();
          if (!index.containsKey(parent)) {
            enter(parent);
            work.push(Map.entry(parent, graph.get(parent).iterator()));
          } else if (onStack.contains(parent)) {
            lowLink.put(table, Math.min(lowLink.get(table), index.get(parent)));
          }
          continue;
        }
        work.pop();
        if (!work.isEmpty()) {
          String caller = work.peek().getKey();
          lowLink.put(caller, Math.min(lowLink.get(caller), lowLink.get(table)));
        }
        if (lowLink.get(table).equals(index.get(table))) {
          List<String> component = new ArrayList<>();
          String member;
          do {
            member = stack.pop();
            onStack.remove(member);
            component.add(member);
          } while (!member.equals(table));
          components.add(component);
        }
      }
    }

    private void enter(String table) {
      index.put(table, counter);
      lowLink.put(table, counter);
      counter++;
      stack.push(table);
      onStack.add(table);
    }
  }
}
