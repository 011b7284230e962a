package dev.converge.adapter.shell;

import dev.converge.application.port.out.ReportProgressPort;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Progress as plain lines on standard error, so that standard output stays the phase's result
 * (and valid JSON with {@code --output json}). One line when a table starts, now and then while it
 * streams, and one when it is done, with its rate.
 */
public final class ConsoleProgressAdapter implements ReportProgressPort {

  private final PrintWriter err;

  public ConsoleProgressAdapter(PrintWriter err) {
    this.err = Objects.requireNonNull(err, "err");
  }

  @Override
  public synchronized void started(String table, long estimatedRows) {
    err.printf(Locale.ROOT, "  %s: started (about %,d rows)%n", table, estimatedRows);
    err.flush();
  }

  @Override
  public synchronized void progressed(String table, long rows, long bytes) {
    err.printf(Locale.ROOT, "  %s: %,d rows, %.1f MB%n", table, rows, bytes / 1e6);
    err.flush();
  }

  @Override
  public synchronized void finished(String table, long rows, long bytes, Duration elapsed) {
    double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-3);
    err.printf(Locale.ROOT, "  %s: %,d rows, %.1f MB in %.1f s (%,.0f rows/s)%n", table, rows, bytes / 1e6, seconds,
        rows / seconds);
    err.flush();
  }
}
