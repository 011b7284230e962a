package dev.converge.application.service;

import dev.converge.application.port.in.VerifyMigrationReport.Check;
import dev.converge.application.port.out.CheckTargetIntegrityPort;
import dev.converge.application.port.out.ReadTargetSchemaPort;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.plan.ColumnPlan;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.TablePlan;
import dev.converge.domain.schema.ForeignKey;
import dev.converge.domain.schema.TargetSchema;
import dev.converge.domain.schema.TargetTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

/**
 * The target-wide half of the proof that {@code verify} and {@code sync} both end with: every
 * foreign key of a planned table has no orphans, every serial/identity sequence is past its column.
 */
final class TargetIntegrityChecks {

  private final ReadTargetSchemaPort targetSchema;
  private final CheckTargetIntegrityPort integrity;

  TargetIntegrityChecks(ReadTargetSchemaPort targetSchema, CheckTargetIntegrityPort integrity) {
    this.targetSchema = Objects.requireNonNull(targetSchema, "targetSchema");
    this.integrity = Objects.requireNonNull(integrity, "integrity");
  }

  /**
   * One check per foreign key and per sequence of the plan's tables, naming up to {@code examples}
   * orphans; the checks run {@code parallelism} at a time (each on a connection of its own) and are
   * listed in plan order. The foreign keys that point at the same parent key are counted together
   * (one read of the parent for all of them, the most shared parent first); only one with orphans is
   * asked again on its own, to name them.
   */
  List<Check> run(MigrationPlan plan, int examples, int parallelism) {
    TargetSchema schema = targetSchema.readTargetSchema();
    Map<List<String>, List<Slot>> byParent = new LinkedHashMap<>();
    List<Slot> sequences = new ArrayList<>();
    int slots = 0;
    for (TablePlan table : plan.tables()) {
      TargetTable found = schema.table(table.targetTable()).orElseThrow();
      for (ForeignKey foreignKey : found.foreignKeys()) {
        List<String> parent = new ArrayList<>(foreignKey.referencedColumns());
        parent.add(0, foreignKey.referencedTable());
        byParent.computeIfAbsent(parent, key -> new ArrayList<>())
            .add(new Slot(slots++, table.targetTable(), foreignKey, null));
      }
      for (ColumnPlan column : table.columns()) {
        if (column.target().sequence() != null) {
          sequences.add(new Slot(slots++, table.targetTable(), null, column));
        }
      }
    }
    Check[] done = new Check[slots];
    List<Runnable> tasks = new ArrayList<>();
    byParent.values().stream().sorted(Comparator.comparingInt(List<Slot>::size).reversed())
        .forEach(children -> tasks.add(() -> foreignKeys(children, examples, done)));
    for (Slot slot : sequences) {
      tasks.add(() -> {
        CheckTargetIntegrityPort.SequenceState state = integrity.sequence(slot.table(), slot.column().target().name(),
            slot.column().target().sequence());
        done[slot.at()] = new Check("sequence " + slot.column().target().sequence(), slot.table(), state.pastMaximum(),
            "next value " + state.nextValue() + ", column maximum " + state.maximum());
      });
    }
    ParallelTables.run("converge-integrity", parallelism, IntStream.range(0, tasks.size()).boxed().toList(),
        new AtomicBoolean(), at -> tasks.get(at).run(), ErrorCode.VERIFICATION);
    return List.of(done);
  }

  /** The checks of foreign keys that point at one parent key. */
  private void foreignKeys(List<Slot> children, int examples, Check[] done) {
    List<Long> counts = children.size() == 1 ? null : integrity.orphanCounts(children.stream()
        .map(slot -> new CheckTargetIntegrityPort.Reference(slot.table(), slot.foreignKey())).toList());
    for (int i = 0; i < children.size(); i++) {
      Slot slot = children.get(i);
      String name = "foreign key " + slot.foreignKey().name();
      if (counts != null && counts.get(i) == 0) {
        done[slot.at()] = new Check(name, slot.table(), true, "no orphans");
        continue;
      }
      CheckTargetIntegrityPort.Orphans orphans = integrity.orphans(slot.table(), slot.foreignKey(), examples);
      done[slot.at()] = new Check(name, slot.table(), orphans.rows() == 0, orphans.rows() == 0 ? "no orphans"
          : orphans.rows() + " orphan(s), e.g. " + String.join("; ", orphans.examples()));
    }
  }

  /** Where one check goes in the list: a foreign key of {@code table}, or its column with a sequence. */
  private record Slot(int at, String table, ForeignKey foreignKey, ColumnPlan column) {}
}
