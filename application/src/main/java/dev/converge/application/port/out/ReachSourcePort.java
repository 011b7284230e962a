package dev.converge.application.port.out;

import dev.converge.application.connection.DatabaseEndpoint;
import java.util.function.Function;

/**
 * Connects to a source for one short look and closes the connection after: where {@code status}
 * compares the export with the source now, outside any connected session.
 */
public interface ReachSourcePort {

  /**
   * What {@code look} finds through the source's position reader; fails with a connection error when
   * the source cannot be reached or read.
   */
  <T> T withSource(DatabaseEndpoint source, Function<ReadSourcePositionPort, T> look);
}
