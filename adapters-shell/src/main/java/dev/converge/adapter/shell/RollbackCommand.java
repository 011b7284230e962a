package dev.converge.adapter.shell;

import dev.converge.application.port.in.RollbackTargetCommand;
import dev.converge.application.port.in.RollbackTargetReport;
import dev.converge.application.session.MigrationSession;
import dev.converge.domain.run.Phase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code converge rollback}: the target back to its post-schema state; the source was never touched. */
@Command(name = "rollback",
    description = {"Empties every table of the plan in the target and restores the rows they held before the first"
        + " import (a seed migration's), resets the sequences and forgets the import journal. MySQL is never written"
        + " by any phase, so it needs no rollback: repoint the applications at it (docs/rollback.md).",
      "Destructive: needs --yes."})
public final class RollbackCommand extends PhaseCommand<RollbackTargetReport> {

  @Option(names = "--yes", description = "Confirm: the loaded data in the target is deleted.")
  boolean confirmed;

  public RollbackCommand(PhaseContext context) {
    super(context);
  }

  @Override
  protected Phase phase() {
    return Phase.ROLLBACK;
  }

  @Override
  protected RollbackTargetReport run(MigrationSession session) {
    return session.rollbackTarget().rollback(new RollbackTargetCommand(confirmed));
  }

  @Override
  protected void print(RollbackTargetReport report) {
    out.printf("Rollback: %d table(s) emptied; rows restored from before the import:%n", report.emptied().size());
    report.restored().forEach((table, rows) -> {
      if (rows > 0) {
        out.printf("  %s: %d%n", table, rows);
      }
    });
    out.println("The source was never written; the import journal is cleared.");
  }

}
