package dev.converge.application.port.in;

/** {@code converge sync}: the cut-over by delta — only the rows that differ are copied again, then proven. */
public interface SyncTablesUseCase {

  SyncTablesReport sync(SyncTablesCommand command);
}
