package dev.converge.application.port.out;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a checklist check's source form on the source database: read-only, under a time limit,
 * streaming its rows with every value as the source's text.
 */
public interface RunSourceQueryPort {

  /**
   * Runs {@code sql} and hands each row to {@code rows} (the list may be reused; {@code null} is NULL).
   *
   * @return the query's column names
   * @throws dev.converge.domain.failure.CheckQueryFailedException with the SQLSTATE and the server's
   *     message when the query cannot run to its end
   */
  List<String> query(String sql, Duration timeout, Consumer<List<String>> rows);
}
