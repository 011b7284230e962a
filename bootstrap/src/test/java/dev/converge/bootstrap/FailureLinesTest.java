package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureLinesTest {

  /** What HikariCP and Connector/J make of a refused port, wrapped by converge. */
  @Test
  void aRefusedConnectionIsSaidOnceWithoutClassNames() {
    ConnectException refused = new ConnectException("Connection refused");
    SQLException driver = new SQLException("Communications link failure\n\nThe last packet sent successfully to the"
        + " server was 0 milliseconds ago.", "08S01", refused);
    RuntimeException pool = new RuntimeException("Failed to initialize pool: Communications link failure\n\nThe last"
        + " packet sent successfully to the server was 0 milliseconds ago.", driver);
    ConvergeException converge = new ConvergeException(ErrorCode.CONNECTION, "cannot connect to the source"
        + " root@127.0.0.1:1/db: Communications link failure The last packet sent successfully to the server was 0"
        + " milliseconds ago.", pool);

    assertEquals(List.of(converge.getMessage(), "Connection refused"), FailureLines.of(converge));
  }

  @Test
  void aCauseWithoutAMessageSaysWhatKindOfFailureItWas() {
    ConvergeException failure = new ConvergeException(ErrorCode.EXPORT, "cannot read user", new java.net
        .SocketTimeoutException());

    assertEquals(List.of("cannot read user", "socket timeout"), FailureLines.of(failure));
  }

  @Test
  void aWrapperThatOnlyRepeatsItsCauseIsNotShownTwice() {
    IllegalStateException cause = new IllegalStateException("the journal is locked");
    RuntimeException wrapper = new RuntimeException(cause);

    assertEquals(List.of("the journal is locked"), FailureLines.of(wrapper));
  }
}
