package dev.converge.application.service;

import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs one task per table on a few threads, fail-fast: the first failure raises a shared flag that
 * the other tasks check (a table not yet started is skipped; a running one may stop with
 * {@link Stopped}), and that first real failure is the one rethrown.
 */
final class ParallelTables {

  private ParallelTables() {}

  /** Thrown by a task that stopped only because another table failed; never reported itself. */
  static final class Stopped extends RuntimeException {
    Stopped() {
      super("stopped because another table failed", null, false, false);
    }
  }

  static <T> void run(String threadName, int parallelism, List<T> tables, AtomicBoolean failed, Consumer<T> task,
      ErrorCode code) {
    ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, tables.size())), runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (T table : tables) {
        futures.add(workers.submit(() -> {
          if (failed.get()) {
            return;
          }
          try {
            task.accept(table);
          } catch (RuntimeException e) {
            failed.set(true);
            throw e;
          }
        }));
      }
      RuntimeException first = null;
      for (Future<?> future : futures) {
        try {
          future.get();
        } catch (ExecutionException e) {
          RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
              : new ConvergeException(code, "a table failed", e.getCause());
          if (first == null || first instanceof Stopped) {
            first = cause;
          }
        }
      }
      if (first != null) {
        throw first;
      }
    } catch (InterruptedException e) {
      failed.set(true);
      Thread.currentThread().interrupt();
      throw new ConvergeException(code, "interrupted; run the phase again to continue where it stopped", e);
    } finally {
      workers.shutdownNow();
      awaitWorkers(workers);
    }
  }

  /**
   * Runs one task per unit on {@code parallelism} threads, where a task may hand over follow-up tasks
   * (the key ranges of a table it split): they run before any unit not yet started, so the parts of a
   * large table are read side by side rather than after everything else. Every task runs, also after
   * a failure (each checks {@code failed} itself, so that a table's bookkeeping always ends); the
   * first real failure is rethrown.
   */
  static <T> void runWithFollowUps(String threadName, int parallelism, List<T> units, AtomicBoolean failed,
      java.util.function.BiConsumer<T, Consumer<Runnable>> task, ErrorCode code) {
    java.util.concurrent.LinkedBlockingDeque<Runnable> queue = new java.util.concurrent.LinkedBlockingDeque<>();
    java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicReference<RuntimeException> first = new java.util.concurrent.atomic.AtomicReference<>();
    Consumer<Runnable> followUp = followUpTask -> {
      pending.incrementAndGet();
      queue.addFirst(followUpTask);
    };
    for (T unit : units) {
      pending.incrementAndGet();
      queue.addLast(() -> task.accept(unit, followUp));
    }
    int threads = Math.max(1, Math.min(parallelism, units.size() * Math.max(1, parallelism)));
    ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(threads);
    try {
      for (int i = 0; i < threads; i++) {
        workers.execute(() -> {
          try {
            while (pending.get() > 0) {
              Runnable next = queue.pollFirst(20, java.util.concurrent.TimeUnit.MILLISECONDS);
              if (next == null) {
                continue;
              }
              try {
                next.run();
              } catch (RuntimeException | Error e) {
                failed.set(true);
                RuntimeException cause = e instanceof RuntimeException runtime ? runtime
                    : new ConvergeException(code, "a table failed: " + e, e);
                first.accumulateAndGet(cause, (kept, now) -> kept == null || kept instanceof Stopped ? now : kept);
              } finally {
                pending.decrementAndGet();
              }
            }
          } catch (InterruptedException e) {
            failed.set(true);
            Thread.currentThread().interrupt();
          } finally {
            done.countDown();
          }
        });
      }
      done.await();
      if (first.get() != null) {
        throw first.get();
      }
      if (failed.get()) {
        throw new ConvergeException(code, "interrupted; run the phase again to continue where it stopped");
      }
    } catch (InterruptedException e) {
      failed.set(true);
      Thread.currentThread().interrupt();
      throw new ConvergeException(code, "interrupted; run the phase again to continue where it stopped", e);
    } finally {
      workers.shutdownNow();
      awaitWorkers(workers);
    }
  }

  /**
   * Waits until every worker has stopped, so that a phase ends only when its tables have committed
   * or rolled back — never with a load still running behind the operator's prompt.
   */
  static void awaitWorkers(ExecutorService workers) {
    boolean interrupted = Thread.interrupted();
    try {
      while (true) {
        try {
          if (workers.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
            return;
          }
        } catch (InterruptedException e) {
          interrupted = true;
          workers.shutdownNow();
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
