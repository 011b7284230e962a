package dev.converge.application.service;

import dev.converge.application.port.in.VerifyMigrationReport.Check;
import dev.converge.application.port.out.CheckTargetIntegrityPort;
import dev.converge.application.port.out.ReadTargetSchemaPort;
import dev.converge.domain.plan.ColumnPlan;
import dev.converge.domain.plan.MigrationPlan;
import dev.converge.domain.plan.TablePlan;
import dev.converge.domain.schema.ForeignKey;
import dev.converge.domain.schema.TargetSchema;
import dev.converge.domain.schema.TargetTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

  /** One check per foreign key and per sequence of the plan's tables, naming up to {@code examples} orphans. */
  List<Check> run(MigrationPlan plan, int examples) {
    List<Check> checks = new ArrayList<>();
    TargetSchema schema = targetSchema.readTargetSchema();
    for (TablePlan table : plan.tables()) {
      TargetTable found = schema.table(table.targetTable()).orElseThrow();
      for (ForeignKey foreignKey : found.foreignKeys()) {
        CheckTargetIntegrityPort.Orphans orphans = integrity.orphans(table.targetTable(), foreignKey, examples);
        checks.add(new Check("foreign key " + foreignKey.name(), table.targetTable(), orphans.rows() == 0,
            orphans.rows() == 0 ? "no orphans" : orphans.rows() + " orphan(s), e.g. " + String.join("; ", orphans.examples())));
      }
      for (ColumnPlan column : table.columns()) {
        if (column.target().sequence() != null) {
          CheckTargetIntegrityPort.SequenceState state = integrity.sequence(table.targetTable(), column.target().name(),
              column.target().sequence());
          checks.add(new Check("sequence " + column.target().sequence(), table.targetTable(), state.pastMaximum(),
              "next value " + state.nextValue() + ", column maximum " + state.maximum()));
        }
      }
    }
    return checks;
  }
}
