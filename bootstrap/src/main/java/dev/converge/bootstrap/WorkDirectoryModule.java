package dev.converge.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.converge.adapter.workdir.FileWorkDirectoryLockAdapter;
import javax.inject.Singleton;

/** Wires adapters-workdir's process-wide piece: the work-directory locks the command holds until it ends. */
@Module
interface WorkDirectoryModule {

  @Provides
  @Singleton
  static FileWorkDirectoryLockAdapter.Held workDirectoryLocks() {
    return new FileWorkDirectoryLockAdapter.Held();
  }
}
