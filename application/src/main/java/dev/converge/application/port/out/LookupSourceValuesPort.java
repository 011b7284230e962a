package dev.converge.application.port.out;

import java.util.List;

/**
 * Answers the operator's column maps ({@code --map TABLE.COLUMN=lookup:SQL}) on the source: a
 * read-only session that runs a lookup with every {@code ?} bound to one value.
 */
public interface LookupSourceValuesPort {

  /** Opens a read-only session on the source (one read-only transaction, so every answer comes from one view). */
  Session open();

  /** One session; thread-safe, closed when the phase ends. */
  interface Session extends AutoCloseable {

    /**
     * The first column of at most the first two rows {@code sql} returns with every {@code ?} bound to
     * {@code value}, each as the source streams values (a String in the source's text form, byte[] for
     * binary columns, null for NULL): two rows are enough to tell a lookup that is not a function.
     *
     * @throws dev.converge.domain.failure.CheckQueryFailedException with the SQLSTATE and the server's
     *     message when the lookup cannot run
     */
    List<Object> find(String sql, Object value);

    @Override
    void close();
  }
}
