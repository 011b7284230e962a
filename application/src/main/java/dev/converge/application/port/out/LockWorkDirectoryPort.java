package dev.converge.application.port.out;

import java.util.Optional;

/**
 * Makes a work directory this process's alone for the rest of its life: one run per work directory,
 * so that no two processes write the same journal, plan or CSV file.
 */
public interface LockWorkDirectoryPort {

  /**
   * Takes the work directory's lock, or confirms this process holds it already.
   *
   * @return what the lock file said of a previous holder that no longer runs (a lock taken over),
   *     empty when the lock was free or already this process's
   * @throws dev.converge.domain.failure.WorkDirectoryLockedException when another live process holds it
   */
  Optional<String> lock();
}
