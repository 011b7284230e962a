package dev.converge.application.port.in;

import dev.converge.domain.run.RunJournal;

/** Records in the run journal that a phase began and how it ended. */
public interface RecordPhaseUseCase {

  /** Starts the phase in the journal (starting the journal, with a new run id, when there is none). */
  RunJournal begin(BeginPhaseCommand command);

  /** Ends the phase's latest running execution. */
  RunJournal end(EndPhaseCommand command);
}
