package dev.converge.application.port.out;

import dev.converge.domain.plan.MigrationPlan;
import java.util.Optional;

/** Keeps the plan in the run's work directory, so that later phases (and later processes) follow it. */
public interface StorePlanPort {

  /** Saves the plan and returns where, for the operator. */
  String save(MigrationPlan plan);

  /** The last saved plan, if any. */
  Optional<MigrationPlan> load();
}
