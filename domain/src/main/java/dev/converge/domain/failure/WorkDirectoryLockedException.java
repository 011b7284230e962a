package dev.converge.domain.failure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Another process runs in the work directory: two runs would write the same files. The message
 * names the holder so that the operator can find it (or wait for it).
 */
public final class WorkDirectoryLockedException extends ConvergeException {

  private final String workDirectory;
  private final String holder;

  /**
   * @param holder what the lock file says of its holder, e.g. {@code pid 4711 on host ci-7, started
   *     2026-12-02T03:00:00Z}
   */
  public WorkDirectoryLockedException(String workDirectory, String holder) {
    super(ErrorCode.CONFIGURATION, "the work directory " + Objects.requireNonNull(workDirectory, "workDirectory")
        + " is in use by another converge run (" + Objects.requireNonNull(holder, "holder")
        + "); wait for it to end, or give this run its own --work-dir");
    this.workDirectory = workDirectory;
    this.holder = holder;
  }

  public String workDirectory() {
    return workDirectory;
  }

  public String holder() {
    return holder;
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    put(details, "workDirectory", workDirectory);
    put(details, "holder", holder);
    return details;
  }
}
