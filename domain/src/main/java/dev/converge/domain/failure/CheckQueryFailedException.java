package dev.converge.domain.failure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A checklist query did not run to its end: the server refused it (syntax, a missing table, a
 * write in the read-only transaction), cancelled it (the time limit), or the database it names
 * cannot be reached. Carries the SQLSTATE and the server's own message.
 */
public final class CheckQueryFailedException extends ConvergeException {

  private final String database;
  private final String sqlState;
  private final String serverMessage;

  public CheckQueryFailedException(String database, String sqlState, String serverMessage, Throwable cause) {
    super(ErrorCode.VERIFICATION, "checklist query on database " + database + " failed: SQLSTATE " + sqlState + " "
        + serverMessage, cause);
    this.database = database;
    this.sqlState = sqlState;
    this.serverMessage = serverMessage;
  }

  public String database() {
    return database;
  }

  public String sqlState() {
    return sqlState;
  }

  public String serverMessage() {
    return serverMessage;
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    put(details, "database", database);
    put(details, "sqlState", sqlState);
    return details;
  }
}
