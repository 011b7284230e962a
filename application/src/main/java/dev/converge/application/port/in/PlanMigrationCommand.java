package dev.converge.application.port.in;

import dev.converge.domain.plan.PlanSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The operator's settings for a plan, and how long the pre-flight scan of the source data may take.
 *
 * @param checkTimeout the longest one foreign-key orphan query may run (the data scan itself has no limit)
 * @param scanBudget the longest the orphan queries may run together; later ones are reported as not run
 * @param acceptUnchecked treat orphan checks that could not finish as passed (else they block the plan)
 * @param historyTables migration-history tables to compare besides the ones converge recognises
 *     ({@code table} or {@code table.column})
 * @param acceptedMissingVersions releases the operator knows one side lacks on purpose
 * @param parallelism how many tables the data scan reads at once
 */
public record PlanMigrationCommand(PlanSettings settings, Duration checkTimeout, Duration scanBudget,
    boolean acceptUnchecked, List<String> historyTables, Set<String> acceptedMissingVersions, Parallelism parallelism) {

  public PlanMigrationCommand {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(checkTimeout, "checkTimeout");
    Objects.requireNonNull(scanBudget, "scanBudget");
    historyTables = List.copyOf(historyTables);
    acceptedMissingVersions = Set.copyOf(acceptedMissingVersions);
    Objects.requireNonNull(parallelism, "parallelism");
  }

  public static PlanMigrationCommand withDefaults(PlanSettings settings) {
    return new PlanMigrationCommand(settings, Duration.ofSeconds(60), Duration.ofMinutes(10), false, List.of(), Set.of(),
        new Parallelism(4));
  }
}
