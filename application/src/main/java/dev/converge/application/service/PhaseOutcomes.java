package dev.converge.application.service;

import dev.converge.application.port.in.ExportTablesReport;
import dev.converge.application.port.in.ImportTablesReport;
import dev.converge.application.port.in.RunPhaseUseCase.PhaseStep;
import dev.converge.application.port.in.PlanMigrationReport;
import dev.converge.application.port.in.ProvisionTargetReport;
import dev.converge.application.port.in.RollbackTargetCommand;
import dev.converge.application.port.in.RollbackTargetReport;
import dev.converge.application.port.in.SyncTablesReport;
import dev.converge.application.port.in.SyncTablesReport.TableSync;
import dev.converge.application.port.in.ValidateFilesReport;
import dev.converge.application.port.in.VerifyMigrationReport;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.PlanBlockedException;
import dev.converge.domain.failure.SchemaContractException;
import dev.converge.domain.failure.ValidationFailedException;
import dev.converge.domain.failure.VerificationFailedException;
import dev.converge.domain.run.TableOutcome;
import dev.converge.domain.run.TableState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the run journal says of a phase, read from the phase's own report: its summary line, each
 * table's outcome, the lock wait, and the failure the report amounts to (a blocked plan, a broken
 * schema contract, a failed validation, verification or sync proof).
 */
final class PhaseOutcomes {

  private PhaseOutcomes() {}

  static String summary(Object report) {
    if (report instanceof PhaseStep.Connected) {
      return "both databases answered";
    } else if (report instanceof ProvisionTargetReport schema) {
      String provisioned = switch (schema.mode()) {
        case FLYWAY -> schema.migrationsApplied() + " Flyway migration(s) applied, version " + schema.version();
        case COMMAND -> "provisioning command run";
        case ALREADY_PROVISIONED -> "already provisioned";
      };
      return provisioned + "; contract " + (schema.contractHolds() ? "holds" : "broken");
    } else if (report instanceof PlanMigrationReport plan) {
      return plan.plan().tables().size() + " table(s), " + plan.plan().blockers().size() + " blocker(s)";
    } else if (report instanceof ExportTablesReport export) {
      return export.manifest().tables().size() + " table(s), " + export.manifest().rows() + " rows; " + export.savedAs()
          + String.format(Locale.ROOT, "; snapshot lock waited %.1f s", export.lockWait().toMillis() / 1000.0);
    } else if (report instanceof ValidateFilesReport validation) {
      return validation.passed() ? "passed" : validation.problems() + " problem(s)";
    } else if (report instanceof ImportTablesReport imported) {
      return imported.loaded().size() + " table(s) loaded, " + imported.rows() + " rows, " + imported.skipped().size()
          + " already committed";
    } else if (report instanceof VerifyMigrationReport verify) {
      return (verify.passed() ? "PASS" : "FAIL") + ": " + verify.checks().size() + " check(s), " + verify.failures()
          + " failed";
    } else if (report instanceof SyncTablesReport sync) {
      return String.format(Locale.ROOT, "%s: %d table(s), %d changed; %d inserted, %d updated, %d deleted",
          sync.passed() ? "PASS" : "FAIL", sync.tables().size(), sync.tables().stream().filter(TableSync::written).count(),
          sync.tables().stream().mapToLong(TableSync::inserted).sum(),
          sync.tables().stream().mapToLong(TableSync::updated).sum(),
          sync.tables().stream().mapToLong(TableSync::deleted).sum());
    } else if (report instanceof RollbackTargetReport rollback) {
      return (rollback.mode() == RollbackTargetCommand.Mode.DROP ? "schema dropped and provisioned again, " : "")
          + rollback.emptied().size() + " table(s) emptied";
    }
    return "";
  }

  /** Each table's outcome as the report gives it; the phases that move no table give none. */
  static List<TableOutcome> tables(Object report) {
    if (report instanceof PlanMigrationReport plan) {
      return plan.plan().tables().stream()
          .map(table -> TableOutcome.done(table.targetTable(), TableState.PENDING, 0, 0)).toList();
    } else if (report instanceof ExportTablesReport export) {
      return export.manifest().tables().stream()
          .map(table -> TableOutcome.done(table.sourceTable(), TableState.EXPORTED, table.rows(), 0)).toList();
    } else if (report instanceof ValidateFilesReport validation) {
      return validated(validation, Map.of());
    } else if (report instanceof ImportTablesReport imported) {
      List<TableOutcome> outcomes = new ArrayList<>();
      imported.loaded().forEach((table, rows) -> outcomes.add(TableOutcome.done(table, TableState.IMPORTED, rows, 0)));
      // Committed by an earlier run of this export: imported still (their rows stay as that run journaled them).
      imported.skipped().forEach(table -> outcomes.add(TableOutcome.done(table, TableState.IMPORTED, 0, 0)));
      return outcomes;
    } else if (report instanceof VerifyMigrationReport verify) {
      Map<String, TableOutcome> outcomes = new LinkedHashMap<>();
      for (VerifyMigrationReport.Check check : verify.checks()) {
        // Checklist checks are named "checklist <name>": they judge the run, not a table.
        if (check.table() == null || check.table().isBlank() || check.table().startsWith("checklist ")) {
          continue;
        }
        if (!check.passed()) {
          outcomes.put(check.table(), TableOutcome.failed(check.table(), 0, check.name() + ": " + check.detail()));
        } else {
          outcomes.putIfAbsent(check.table(), TableOutcome.done(check.table(), TableState.VERIFIED, 0, 0));
        }
      }
      return List.copyOf(outcomes.values());
    } else if (report instanceof SyncTablesReport sync) {
      return sync.tables().stream().map(table -> new TableOutcome(table.table(),
          table.proven() ? TableState.VERIFIED : TableState.FAILED, table.sourceRows(), table.elapsed().toMillis(),
          table.proven() ? null : table.detail(), new TableOutcome.RowChanges(table.inserted(), table.updated(),
              table.deleted(), table.fullReload() != null && table.written(), table.quarantined(), table.changed())))
          .toList();
    }
    return List.of();
  }

  /** A validation's tables, validated or failed with the first problem, timed where {@code times} knows them. */
  static List<TableOutcome> validated(ValidateFilesReport report, Map<String, Duration> times) {
    List<TableOutcome> outcomes = new ArrayList<>();
    for (ValidateFilesReport.TableValidation table : report.tables()) {
      outcomes.add(table.problemCount() == 0
          ? TableOutcome.done(table.table(), TableState.VALIDATED, table.rows(),
              times.getOrDefault(table.table(), Duration.ZERO).toMillis())
          : TableOutcome.failed(table.table(), table.rows(), table.problemCount() + " problem(s), first: "
              + table.problems().get(0)));
    }
    return outcomes;
  }

  /** How long the phase waited for the source's global read lock: the export's snapshot only. */
  static Duration lockWait(Object report) {
    return report instanceof ExportTablesReport export ? export.lockWait() : Duration.ZERO;
  }

  /** The failure the report amounts to, if it does. */
  static Optional<ConvergeException> failure(Object report) {
    if (report instanceof ProvisionTargetReport schema && !schema.contractHolds()) {
      return Optional.of(new SchemaContractException(schema.problems()));
    } else if (report instanceof PlanMigrationReport plan && plan.plan().hasBlockers()) {
      return Optional.of(new PlanBlockedException(plan.plan().blockers().stream().map(Object::toString).toList()));
    } else if (report instanceof ValidateFilesReport validation && !validation.passed()) {
      return Optional.of(new ValidationFailedException((int) Math.min(Integer.MAX_VALUE, validation.problems())));
    } else if (report instanceof VerifyMigrationReport verify && !verify.passed()) {
      return Optional.of(new VerificationFailedException(verify.failures(), verify.savedAs()));
    } else if (report instanceof SyncTablesReport sync && !sync.passed()) {
      return Optional.of(new VerificationFailedException(sync.failures(), sync.savedAs()));
    }
    return Optional.empty();
  }

  /** The table a failure names, if it names one (a refused row, a rejected COPY). */
  static Optional<String> failingTable(RuntimeException failure) {
    return failure instanceof ConvergeException converge && converge.details().get("table") instanceof String table
        ? Optional.of(table) : Optional.empty();
  }
}
