package dev.converge.application.port.in;

import dev.converge.domain.plan.PlanSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * The operator's settings for a plan, and how long the pre-flight scan of the source data may take.
 *
 * @param checkTimeout the longest one pre-flight query may run
 * @param scanBudget the longest the whole pre-flight scan may run; later checks are reported as not run
 * @param acceptUnchecked treat checks that could not finish as passed (else they block the plan)
 */
public record PlanMigrationCommand(PlanSettings settings, Duration checkTimeout, Duration scanBudget,
    boolean acceptUnchecked) {

  public PlanMigrationCommand {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(checkTimeout, "checkTimeout");
    Objects.requireNonNull(scanBudget, "scanBudget");
  }

  public static PlanMigrationCommand withDefaults(PlanSettings settings) {
    return new PlanMigrationCommand(settings, Duration.ofSeconds(60), Duration.ofMinutes(10), false);
  }
}
