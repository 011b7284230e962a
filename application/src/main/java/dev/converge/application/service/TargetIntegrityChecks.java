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
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
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
   * listed in plan order.
   */
  List<Check> run(MigrationPlan plan, int examples, int parallelism) {
    List<Supplier<Check>> checks = new ArrayList<>();
    TargetSchema schema = targetSchema.readTargetSchema();
    for (TablePlan table : plan.tables()) {
      TargetTable found = schema.table(table.targetTable()).orElseThrow();
      for (ForeignKey foreignKey : found.foreignKeys()) {
        checks.add(() -> {
          CheckTargetIntegrityPort.Orphans orphans = integrity.orphans(table.targetTable(), foreignKey, examples);
          return new Check("foreign key " + foreignKey.name(), table.targetTable(), orphans.rows() == 0,
              orphans.rows() == 0 ? "no orphans"
                  : orphans.rows() + " orphan(s), e.g. " + String.join("; ", orphans.examples()));
        });
      }
      for (ColumnPlan column : table.columns()) {
        if (column.target().sequence() != null) {
          checks.add(() -> {
            CheckTargetIntegrityPort.SequenceState state = integrity.sequence(table.targetTable(),
                column.target().name(), column.target().sequence());
            return new Check("sequence " + column.target().sequence(), table.targetTable(), state.pastMaximum(),
                "next value " + state.nextValue() + ", column maximum " + state.maximum());
          });
        }
      }
    }
    Check[] done = new Check[checks.size()];
    ParallelTables.run("converge-integrity", parallelism, IntStream.range(0, done.length).boxed().toList(),
        new AtomicBoolean(), at -> done[at] = checks.get(at).get(), ErrorCode.VERIFICATION);
    return List.of(done);
  }
}
