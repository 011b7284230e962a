package dev.converge.application.port.out;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a checklist query on the target's server: in a read-only transaction, under a time limit,
 * streaming its rows with every value as PostgreSQL's own text.
 */
public interface RunChecklistQueryPort {

  /**
   * Runs {@code sql} and hands each row to {@code rows} (the list may be reused; {@code null} is NULL).
   *
   * @param database a database on the target's server (same host, port and login), or {@code null}
   *     for the target database itself, where the target schema comes first in the search path
   * @return the query's column names
   * @throws dev.converge.domain.failure.CheckQueryFailedException with the SQLSTATE and the server's
   *     message when the query cannot run to its end
   */
  List<String> query(String database, String sql, Duration timeout, Consumer<List<String>> rows);
}
