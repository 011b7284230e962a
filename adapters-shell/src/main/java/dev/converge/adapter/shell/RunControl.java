package dev.converge.adapter.shell;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the front end tells the commands about how they run: in the interactive shell (where
 * destructive steps ask first and {@code connect} stays in force) or in batch mode, and whether the
 * operator cancelled the running phase with Ctrl-C. The phase gate is the application's, the same in both.
 */
public final class RunControl {

  private volatile boolean interactive;
  private final AtomicBoolean cancelled = new AtomicBoolean();

  public boolean interactive() {
    return interactive;
  }

  void interactive(boolean value) {
    interactive = value;
  }

  /** Marks the running phase cancelled; its thread is interrupted by the front end (shell or signal handler). */
  public void cancel() {
    cancelled.set(true);
  }

  boolean cancelled() {
    return cancelled.get();
  }

  /** Clears the flag when a phase begins. */
  void reset() {
    cancelled.set(false);
  }
}
