package dev.converge.application.port.out;

/** Runs a DDL script against the source database (reference datasets only; never in a migration). */
public interface CreateSourceSchemaPort {

  /**
   * Executes the statements of {@code script} in order. Statements end with a {@code ;} at the end
   * of a line; lines starting with {@code --} are comments.
   */
  void createSchema(String script);
}
