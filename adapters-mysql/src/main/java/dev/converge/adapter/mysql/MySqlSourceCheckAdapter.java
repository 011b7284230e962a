package dev.converge.adapter.mysql;

import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.port.out.ReachSourcePort;
import dev.converge.application.port.out.ReadSourcePositionPort;
import java.util.function.Function;

/** A MySQL-family source opened for one short look (one connection), closed after it. */
public final class MySqlSourceCheckAdapter implements ReachSourcePort {

  @Override
  public <T> T withSource(DatabaseEndpoint source, Function<ReadSourcePositionPort, T> look) {
    try (MySqlSource opened = MySqlSource.open(source, 1)) {
      return look.apply(opened.sourcePosition());
    }
  }
}
