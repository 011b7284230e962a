package dev.converge.application.port.in;

import dev.converge.domain.run.DowntimeProjection;
import dev.converge.domain.run.RunJournal;
import java.util.Objects;

/** The run report written to the work directory, with what it concluded. */
public record RunReport(RunJournal journal, DowntimeProjection projection, boolean verified, String savedAs) {

  public RunReport {
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(projection, "projection");
  }
}
