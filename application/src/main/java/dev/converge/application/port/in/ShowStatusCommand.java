package dev.converge.application.port.in;

import dev.converge.application.connection.DatabaseEndpoint;
import java.util.Objects;

/**
 * What {@code status} is asked: the work directory's run, and, when a source connection is given,
 * whether the source moved since the export.
 *
 * @param source the source to compare the export with now; null for the work directory alone
 * @param withoutSource why no source is compared, for the status line; null when {@code source} is given
 */
public record ShowStatusCommand(DatabaseEndpoint source, String withoutSource) {

  /** The work directory alone, as every front end but {@code converge status} asks. */
  public static final ShowStatusCommand WORK_DIRECTORY_ONLY = new ShowStatusCommand(null,
      "not compared with the source (no source connection given)");

  public ShowStatusCommand {
    if ((source == null) == (withoutSource == null)) {
      throw new IllegalArgumentException("either a source to compare with or why there is none");
    }
  }

  /** Compare the export with {@code source} now. */
  public static ShowStatusCommand comparedWith(DatabaseEndpoint source) {
    return new ShowStatusCommand(Objects.requireNonNull(source, "source"), null);
  }

  /** The work directory alone, because of {@code why}. */
  public static ShowStatusCommand withoutSource(String why) {
    return new ShowStatusCommand(null, Objects.requireNonNull(why, "why"));
  }
}
