package dev.converge.adapter.json.archfixture;

import dev.converge.adapter.workdir.FileWorkDirectoryLockAdapter;

/** Breaks the adapter rule past its one exception: adapters-workdir's lock adapter is not WorkFiles. */
public class JsonAdapterTakingTheLock {
  public Object locks() {
    return new FileWorkDirectoryLockAdapter.Held();
  }
}
