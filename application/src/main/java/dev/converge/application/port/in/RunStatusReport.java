package dev.converge.application.port.in;

import dev.converge.domain.run.Phase;
import dev.converge.domain.run.RunJournal;
import dev.converge.domain.run.TableOutcome;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A run's status: the journal (empty when nothing ran in the work directory yet), each table's
 * latest outcome, the phase to run next, and whether the source moved since the export.
 *
 * @param source the export compared with the source now, or why it was not
 */
public record RunStatusReport(Optional<RunJournal> journal, Map<String, TableOutcome> tables, Phase next,
    SourceCheck source) {

  public RunStatusReport {
    Objects.requireNonNull(journal, "journal");
    tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(source, "source");
  }

  /** A status from the work directory alone. */
  public RunStatusReport(Optional<RunJournal> journal, Map<String, TableOutcome> tables, Phase next) {
    this(journal, tables, next, new SourceCheck(SourceCheck.State.NOT_CHECKED,
        ShowStatusCommand.WORK_DIRECTORY_ONLY.withoutSource()));
  }
}
