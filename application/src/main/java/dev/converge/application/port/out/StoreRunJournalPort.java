package dev.converge.application.port.out;

import dev.converge.domain.run.RunJournal;
import java.util.Optional;

/** Keeps the run journal of a work directory, so that status, report and resume work from any process. */
public interface StoreRunJournalPort {

  Optional<RunJournal> load();

  /** Replaces the journal atomically: a reader never sees half of it. */
  void save(RunJournal journal);
}
