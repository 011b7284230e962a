package dev.converge.bootstrap;

import dev.converge.adapter.shell.DurationText;
import dev.converge.adapter.shell.RunControl;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/**
 * SIGTERM (what Kubernetes sends before it kills a pod) and SIGINT in batch mode stop the run the
 * way Ctrl-C stops a phase in the shell: the phase's thread is interrupted, the open table
 * transactions roll back, server-side statements are cancelled by the adapters, and the journal
 * records CANCELLED. The process then exits 143 (SIGTERM) or 130 (SIGINT). Should the phase not
 * have stopped within the bound, or a second signal come, the process exits at once with the same
 * status and says so.
 */
final class StopSignals {

  /** How long a stopping phase may take before the process exits anyway; {@code CONVERGE_STOP_TIMEOUT}. */
  static final Duration DEFAULT_BOUND = Duration.ofSeconds(10);

  private final RunControl control;
  private final PrintWriter err;
  private final Duration bound;
  private final AtomicReference<String> received = new AtomicReference<>();

  StopSignals(RunControl control, PrintWriter err, Duration bound) {
    this.control = Objects.requireNonNull(control, "control");
    this.err = Objects.requireNonNull(err, "err");
    this.bound = Objects.requireNonNull(bound, "bound");
  }

  /** The bound from {@code CONVERGE_STOP_TIMEOUT} (10, 10s, PT10S …), else 10 s. */
  static Duration bound(String configured) {
    if (configured == null || configured.isBlank()) {
      return DEFAULT_BOUND;
    }
    try {
      return DurationText.parse(configured);
    } catch (RuntimeException e) {
      throw new ConvergeException(ErrorCode.CONFIGURATION, "CONVERGE_STOP_TIMEOUT=" + configured + ": " + e.getMessage());
    }
  }

  /** Handles SIGTERM and SIGINT from now on by stopping {@code worker}, the thread running the command. */
  void install(Thread worker) {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(new Signal(name), signal -> stop(signal.getName(), worker));
      } catch (IllegalArgumentException e) {
        // The signal is not available on this platform or is reserved by the JVM (-Xrs): the default stays.
      }
    }
  }

  /** The signal that stopped the run ({@code TERM} or {@code INT}), or null. */
  String received() {
    return received.get();
  }

  /** 143 for SIGTERM, 130 for SIGINT: the shells' convention for a process ended by a signal. */
  int exitStatus() {
    return "INT".equals(received.get()) ? ExitStatus.INTERRUPTED : ExitStatus.TERMINATED;
  }

  void stop(String signal, Thread worker) {
    if (!received.compareAndSet(null, signal)) {
      err.println("converge: SIG" + signal + " again — exiting now; run status to see what was committed");
      err.flush();
      Runtime.getRuntime().halt(exitStatus());
      return;
    }
    err.printf(Locale.ROOT, "%nconverge: SIG%s received — stopping: the open table transactions roll back (at most %d s)%n",
        signal, bound.toSeconds());
    err.flush();
    control.cancel();
    worker.interrupt();
    Thread watchdog = new Thread(() -> {
      try {
        Thread.sleep(bound.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      err.printf(Locale.ROOT, "converge: the phase did not stop within %d s; exiting now. Open transactions end with"
          + " the connection; run status to see what was committed, then the same command to resume%n", bound.toSeconds());
      err.flush();
      Runtime.getRuntime().halt(exitStatus());
    }, "converge-stop-bound");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}
