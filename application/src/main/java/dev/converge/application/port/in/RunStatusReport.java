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
 * latest outcome and the phase to run next.
 */
public record RunStatusReport(Optional<RunJournal> journal, Map<String, TableOutcome> tables, Phase next) {

  public RunStatusReport {
    Objects.requireNonNull(journal, "journal");
    tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    Objects.requireNonNull(next, "next");
  }
}
