package dev.converge.application.port.out;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs the operator's own provisioning command (e.g. {@code kratos migrate sql -e --yes}) with the
 * target's connection details in its environment, its output captured in a log file.
 */
public interface RunProvisioningCommandPort {

  /** Runs {@code command} to completion; returns its exit status. Output goes to {@code log}, never to converge's own. */
  int run(List<String> command, Path log);
}
