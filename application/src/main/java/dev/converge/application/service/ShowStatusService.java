package dev.converge.application.service;

import dev.converge.application.port.in.RunStatusReport;
import dev.converge.application.port.in.ShowStatusUseCase;
import dev.converge.application.port.out.StoreRunJournalPort;
import dev.converge.domain.run.Phase;
import dev.converge.domain.run.RunJournal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Reads the run journal into a status: each table's latest outcome and the phase to run next. */
public final class ShowStatusService implements ShowStatusUseCase {

  private final StoreRunJournalPort journals;

  public ShowStatusService(StoreRunJournalPort journals) {
    this.journals = Objects.requireNonNull(journals, "journals");
  }

  @Override
  public RunStatusReport status() {
    Optional<RunJournal> journal = journals.load();
    return new RunStatusReport(journal, journal.map(RunJournal::tables).orElse(Map.of()),
        journal.map(RunJournal::next).orElse(Phase.PLAN));
  }
}
