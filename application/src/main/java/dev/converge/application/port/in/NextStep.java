package dev.converge.application.port.in;

import dev.converge.domain.run.Phase;
import dev.converge.domain.run.RunJournal;
import java.util.Objects;
import java.util.Optional;

/**
 * What to run next, from the run journal's state machine ({@link RunJournal#next()}), and, once the
 * target holds a pre-copy, the window step of a two-step cut-over ({@link RunJournal#cutOverByDelta()}).
 */
public record NextStep(Phase phase, Optional<Phase> cutOverByDelta) {

  public NextStep {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(cutOverByDelta, "cutOverByDelta");
  }

  /** The advice for a run in this state (a run not begun yet plans first). */
  public static NextStep of(Optional<RunJournal> journal) {
    return new NextStep(journal.map(RunJournal::next).orElse(Phase.PLAN),
        journal.flatMap(RunJournal::cutOverByDelta));
  }

  /** One line for the operator: the command to run next. */
  public String advice() {
    return "Next: converge " + phase.command()
        + cutOverByDelta.map(sync -> " (or, in the cut-over window, converge " + sync.command() + ")").orElse("");
  }
}
