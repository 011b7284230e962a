package dev.converge.application.service;

import dev.converge.application.port.out.RecordChangesPort;
import dev.converge.domain.plan.ValueChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The decisions' audit kept in memory, for the services' tests: what changes.csv and quarantine/ would hold. */
final class InMemoryChanges implements RecordChangesPort {

  final List<ValueChange> changes = new ArrayList<>();
  final Map<String, List<List<String>>> quarantined = new LinkedHashMap<>();
  int opened;

  @Override
  public synchronized Changes open() {
    opened++;
    changes.clear();
    quarantined.clear();
    return new Changes() {
      @Override
      public void change(ValueChange change) {
        synchronized (InMemoryChanges.this) {
          changes.add(change);
        }
      }

      @Override
      public void quarantine(String table, List<String> columns, List<String> values, ValueChange reason) {
        synchronized (InMemoryChanges.this) {
          changes.add(reason);
          List<String> row = new ArrayList<>(List.of(reason.key()));
          row.addAll(values);
          quarantined.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
        }
      }

      @Override
      public void close() {}
    };
  }

  /** Each table's records staged apart, replacing the table's earlier ones when kept, as the CSV adapter does. */
  @Override
  public Rewrite rewrite() {
    Map<String, InMemoryChanges> staged = new LinkedHashMap<>();
    Set<String> kept = new java.util.LinkedHashSet<>();
    return new Rewrite() {
      @Override
      public synchronized Changes table(String table) {
        InMemoryChanges one = new InMemoryChanges();
        staged.put(table, one);
        return one.open();
      }

      @Override
      public synchronized void keep(String table) {
        kept.add(table);
      }

      @Override
      public synchronized void close() {
        synchronized (InMemoryChanges.this) {
          rewrites++;
          for (String table : kept) {
            changes.removeIf(change -> change.table().equals(table));
            quarantined.remove(table);
            changes.addAll(staged.get(table).changes);
            staged.get(table).quarantined.forEach(quarantined::put);
          }
        }
      }
    };
  }

  int rewrites;

  @Override
  public synchronized Summary summary() {
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    changes.forEach(change -> counts.computeIfAbsent(change.table(), t -> new LinkedHashMap<>())
        .merge(change.decision(), 1L, Long::sum));
    return new Summary(counts, "changes.csv", "quarantine/");
  }

  @Override
  public synchronized Set<String> mergedKeys(String table) {
    Set<String> keys = new HashSet<>();
    changes.stream().filter(change -> change.table().equals(table)
        && change.decision().equals(dev.converge.domain.plan.RowDecisions.MERGED)).forEach(change -> keys.add(change.key()));
    return keys;
  }

  @Override
  public synchronized Set<String> quarantinedKeys(String table) {
    Set<String> keys = new HashSet<>();
    quarantined.getOrDefault(table, List.of()).forEach(row -> keys.add(row.get(0)));
    return keys;
  }
}
