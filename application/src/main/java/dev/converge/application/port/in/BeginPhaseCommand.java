package dev.converge.application.port.in;

import dev.converge.domain.run.Phase;
import java.util.Objects;

/**
 * A phase begins; the databases as {@code user@host:port/database}, never with a password (null
 * when the phase does not connect).
 */
public record BeginPhaseCommand(Phase phase, String source, String target) {

  public BeginPhaseCommand {
    Objects.requireNonNull(phase, "phase");
  }
}
