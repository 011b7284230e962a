package dev.converge.application.port.out;

import java.time.Duration;

/** Tells the operator how each table is doing (the shell draws it; batch mode prints lines). */
public interface ReportProgressPort {

  void started(String table, long estimatedRows);

  /** Called now and then while a table streams; implementations must be cheap and thread-safe. */
  void progressed(String table, long rows, long bytes);

  void finished(String table, long rows, long bytes, Duration elapsed);

  /**
   * One line about the phase rather than a table (what the snapshot waits for and who blocks it);
   * thread-safe. A renderer without an operator to tell (a test fake) may ignore it.
   */
  default void notice(String line) {}

  /**
   * The reports of one stage of a pipeline that runs several at once ({@code migrate}'s export,
   * validation and load), so that one table can have a bar per stage; reports through the port
   * itself are the pipeline's first stage. A renderer that keeps no bars may return itself.
   */
  default ReportProgressPort stage(String stage) {
    return this;
  }
}
