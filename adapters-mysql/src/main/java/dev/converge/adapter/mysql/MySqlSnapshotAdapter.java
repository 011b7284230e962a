package dev.converge.adapter.mysql;

import dev.converge.application.port.in.ExportTablesCommand;
import dev.converge.application.port.in.SnapshotMode;
import dev.converge.application.port.out.StreamSourceRowsPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.manifest.SourcePosition;
import dev.converge.domain.schema.SourceColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Streams source tables from one consistent snapshot. Several readers share it the way mydumper
 * does: a {@code FLUSH TABLES WITH READ LOCK} while each reader opens
 * {@code START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY}, then the lock is released. The
 * lock request is bounded (the application's writes queue behind a waiting request): while it
 * waits, a second connection names the statements that block it, and at the bound the request is
 * cancelled and the snapshot fails with their names. The lock-free mode (for a quiesced source, and
 * for logins without RELOAD) starts the readers without a lock and proves them one snapshot by an
 * unchanged GTID set or binary-log position across all the starts.
 */
public final class MySqlSnapshotAdapter implements StreamSourceRowsPort {

  private static final Set<String> READ_AS_TEXT = Set.of("datetime", "timestamp", "date", "time", "year", "float",
      "double", "real", "bit");
  private static final Set<String> READ_AS_BYTES = Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob",
      "longblob");
  private static final int ACCESS_DENIED = 1227;
  private static final int ACCESS_DENIED_LOGIN = 1045;
  private static final int LOCK_WAIT_TIMEOUT = 1205;
  private static final Duration WATCH_EVERY = Duration.ofMillis(100);
  private static final Duration FIRST_NOTICE = Duration.ofMillis(500);
  private static final Duration NOTICE_EVERY = Duration.ofSeconds(1);
  private static final int LOCK_FREE_ATTEMPTS = 3;
  private static final int BLOCKERS_NAMED = 5;
  /** Key types a range can be bound with as the driver returns them (tinyint excluded: tinyint(1) reads as Boolean). */
  private static final Set<String> SPLITTABLE = Set.of("smallint", "mediumint", "int", "bigint", "char", "varchar",
      "binary", "varbinary");
  /**
   * Keys drawn while scanning for the range bounds, however large the table: under MariaDB's
   * in_predicate_conversion_threshold (1,000), so that their IN list stays a list of key lookups.
   */
  private static final int KEY_SAMPLES = 999;
  /** The IN list that orders the sample stays this small however long the keys (max_allowed_packet is 4 MiB or more). */
  private static final long SAMPLE_TEXT_BYTES = 1 << 20;

  private final DataSource source;

  /** {@code source} is the read-only source pool. */
  public MySqlSnapshotAdapter(DataSource source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  @Override
  public Snapshot openSnapshot(int readers) {
    return openSnapshot(new SnapshotRequest(readers, SnapshotMode.AUTO, ExportTablesCommand.DEFAULT_SNAPSHOT_LOCK_TIMEOUT,
        notice -> { }));
  }

  @Override
  public Snapshot openSnapshot(SnapshotRequest request) {
    try {
      if (request.readers() == 1) {
        return singleReader("1 reader");
      }
      if (request.mode() == SnapshotMode.LOCK_FREE) {
        return lockFree(request, "lock-free as asked");
      }
      Optional<Snapshot> locked = locked(request);
      if (locked.isPresent()) {
        return locked.get();
      }
      if (request.mode() == SnapshotMode.LOCK) {
        throw new ConvergeException(ErrorCode.EXPORT, "the snapshot cannot take the global read lock: the source login"
            + " lacks the RELOAD privilege; grant it, or in a quiet window use --snapshot-mode lock-free");
      }
      try (Connection probe = source.getConnection()) {
        if (MySqlSourcePositionAdapter.read(probe).isEmpty()) {
          return singleReader("1 reader: the login lacks the RELOAD privilege for the global read lock and the source"
              + " keeps neither GTIDs nor a readable binary-log position to prove a lock-free snapshot, so tables are"
              + " exported one after another to keep one snapshot");
        }
      }
      return lockFree(request, "lock-free because the login lacks the RELOAD privilege for the global read lock");
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.EXPORT, "cannot open a consistent snapshot of the source: " + e.getMessage(), e);
    }
  }

  /** One transaction is one snapshot: no lock, no proof needed. */
  private Snapshot singleReader(String how) throws SQLException {
    Connection connection = source.getConnection();
    try {
      Optional<SourcePosition> position = MySqlSourcePositionAdapter.read(connection);
      begin(connection);
      return new SharedSnapshot(List.of(connection), describe(connection, how), position, Duration.ZERO);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  /** The readers started under the bounded global read lock; empty when the login may not take it. */
  private Optional<Snapshot> locked(SnapshotRequest request) throws SQLException {
    List<Connection> connections = new ArrayList<>();
    try (Connection control = source.getConnection()) {
      Optional<Duration> waited = lockAll(control, request);
      if (waited.isEmpty()) {
        return Optional.empty();
      }
      long held = System.nanoTime();
      Optional<SourcePosition> position;
      try {
        // Read under the lock: exactly the point every reader starts at.
        position = MySqlSourcePositionAdapter.read(control);
        for (int i = 0; i < request.readers(); i++) {
          connections.add(begin(source.getConnection()));
        }
      } finally {
        try (Statement statement = control.createStatement()) {
          statement.execute("UNLOCK TABLES");
        }
      }
      Duration holding = Duration.ofNanos(System.nanoTime() - held);
      return Optional.of(new SharedSnapshot(connections, describe(connections.get(0), request.readers()
          + " readers sharing one snapshot, taken under a global read lock (waited " + seconds(waited.get())
          + " for it, held " + seconds(holding) + ")" + position.map(at -> " at " + at.describe()).orElse("")),
          position, waited.get()));
    } catch (SQLException | RuntimeException e) {
      connections.forEach(MySqlSnapshotAdapter::closeQuietly);
      throw e;
    }
  }

  /**
   * Takes the global read lock on {@code control} within the request's bound and returns how long it
   * waited; empty when the login may not take it (error 1227, access denied). The request runs on its
   * own thread so that this one can watch it from a second connection, tell who blocks it, and
   * cancel it at the bound: a waiting {@code FLUSH TABLES WITH READ LOCK} already blocks every writer.
   */
  private Optional<Duration> lockAll(Connection control, SnapshotRequest request) throws SQLException {
    long controlId;
    try (Statement statement = control.createStatement();
        ResultSet id = statement.executeQuery("SELECT CONNECTION_ID()")) {
      id.next();
      controlId = id.getLong(1);
      // The server's own bound (whole seconds) backs up the watcher's, should this process stall.
      statement.execute("SET SESSION lock_wait_timeout = " + Math.max(1, (request.lockTimeout().toMillis() + 999) / 1000));
    }
    CompletableFuture<Void> granted = new CompletableFuture<>();
    Thread requester = new Thread(() -> {
      try (Statement statement = control.createStatement()) {
        statement.execute("FLUSH TABLES WITH READ LOCK");
        granted.complete(null);
      } catch (Throwable failure) {
        granted.completeExceptionally(failure);
      }
    }, "converge-snapshot-lock");
    requester.setDaemon(true);
    long started = System.nanoTime();
    long deadline = started + request.lockTimeout().toNanos();
    long nextNotice = started + FIRST_NOTICE.toNanos();
    List<Session> blockers = List.of();
    Connection watcher = null;
    boolean serverEnded = false;
    requester.start();
    try {
      while (true) {
        long now = System.nanoTime();
        if (now >= deadline) {
          break;
        }
        try {
          granted.get(Math.min(WATCH_EVERY.toNanos(), deadline - now), TimeUnit.NANOSECONDS);
          return Optional.of(Duration.ofNanos(System.nanoTime() - started));
        } catch (TimeoutException e) {
          if (System.nanoTime() >= nextNotice && System.nanoTime() < deadline) {
            watcher = watcher == null ? source.getConnection() : watcher;
            blockers = sessions(watcher, controlId);
            request.notices().accept("snapshot: waiting " + seconds(Duration.ofNanos(System.nanoTime() - started))
                + " of " + seconds(request.lockTimeout()) + " for the global read lock; " + blocking(blockers));
            nextNotice += NOTICE_EVERY.toNanos();
          }
        } catch (ExecutionException e) {
          if (e.getCause() instanceof SQLException failure) {
            if (failure.getErrorCode() == ACCESS_DENIED || failure.getErrorCode() == ACCESS_DENIED_LOGIN) {
              return Optional.empty();
            }
            if (failure.getErrorCode() == LOCK_WAIT_TIMEOUT) {
              // The server's bound ended the request: nothing left to withdraw (the lock it took is released below).
              serverEnded = true;
              break;
            }
            releaseAfterFailure(control);
            throw failure;
          }
          releaseAfterFailure(control);
          throw new ConvergeException(ErrorCode.EXPORT, "the global read lock request failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          cancel(watcher == null ? (watcher = source.getConnection()) : watcher, controlId, granted, control);
          releaseAfterFailure(control);
          throw new ConvergeException(ErrorCode.EXPORT, "interrupted while waiting for the global read lock", e);
        }
      }
      watcher = watcher == null ? source.getConnection() : watcher;
      List<Session> now = sessions(watcher, controlId);
      if (now.stream().anyMatch(session -> !session.queuedBehindLock())) {
        blockers = now;
      }
      if (!serverEnded) {
        cancel(watcher, controlId, granted, control);
      }
      releaseAfterFailure(control);
      throw new ConvergeException(ErrorCode.EXPORT, "the global read lock for the snapshot was not granted within "
          + seconds(request.lockTimeout()) + " and the request was withdrawn, so that the application's writes do"
          + " not queue behind it; " + blocking(blockers) + ". Let them finish or stop them, raise"
          + " --snapshot-lock-timeout, or with the application stopped use --snapshot-mode lock-free");
    } finally {
      if (watcher != null) {
        watcher.close();
      }
    }
  }

  /**
   * Releases whatever a failed request left: MySQL keeps the global read lock a cancelled or timed-out
   * request had already taken while it waited for the table flush, and would hold it in the pooled
   * connection, stalling every writer, until that connection closed.
   */
  private static void releaseAfterFailure(Connection control) throws SQLException {
    try (Statement statement = control.createStatement()) {
      statement.execute("UNLOCK TABLES");
    }
  }

  /**
   * Withdraws the lock request: {@code KILL QUERY} of the control connection, then waits for the
   * request to end. Should it have been granted meanwhile, the lock is released at once: the bound
   * was reached, and a snapshot half past it is not what the operator asked for.
   */
  private static void cancel(Connection watcher, long controlId, CompletableFuture<Void> granted, Connection control)
      throws SQLException {
    try (Statement statement = watcher.createStatement()) {
      statement.execute("KILL QUERY " + controlId);
    } catch (SQLException e) {
      // The request ended on its own between the check and the kill (unknown thread, 1094): nothing to withdraw.
    }
    try {
      granted.get(10, TimeUnit.SECONDS);
      try (Statement statement = control.createStatement()) {
        statement.execute("UNLOCK TABLES");
      }
    } catch (ExecutionException e) {
      // Cancelled, as intended.
    } catch (TimeoutException e) {
      throw new ConvergeException(ErrorCode.EXPORT, "the global read lock request (connection " + controlId
          + ") did not end after KILL QUERY; end it on the server with KILL " + controlId, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One server session as the processlist shows it. */
  private record Session(long id, String user, String command, long seconds, String state, String statement) {
    boolean queuedBehindLock() {
      return state != null && (state.startsWith("Waiting for global read lock") || state.startsWith("Waiting for commit lock"));
    }

    String describe() {
      return "connection " + id + " (" + user + ", " + seconds + " s" + (state == null || state.isEmpty() ? "" : ", " + state)
          + "): " + (statement == null ? command : statement);
    }
  }

  /** The other busy sessions, longest-running first (only the login's own without the PROCESS privilege). */
  private static List<Session> sessions(Connection watcher, long controlId) throws SQLException {
    List<Session> sessions = new ArrayList<>();
    try (PreparedStatement statement = watcher.prepareStatement("SELECT id, user, command, time, state,"
        + " LEFT(REPLACE(REPLACE(info, CHAR(10), ' '), CHAR(13), ' '), 100) FROM information_schema.processlist"
        + " WHERE id <> ? AND id <> CONNECTION_ID()"
        + " AND command NOT IN ('Sleep', 'Daemon', 'Binlog Dump', 'Binlog Dump GTID', 'Killed')"
        + " AND user NOT IN ('system user', 'event_scheduler') ORDER BY time DESC, id")) {
      statement.setLong(1, controlId);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          sessions.add(new Session(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getLong(4),
              rows.getString(5), rows.getString(6)));
        }
      }
    }
    return sessions;
  }

  /** {@code blocked by connection 42 (app, 31 s, executing): SELECT …; 3 statement(s) queued behind the request}. */
  private static String blocking(List<Session> sessions) {
    List<Session> blockers = sessions.stream().filter(session -> !session.queuedBehindLock()).toList();
    long queued = sessions.stream().filter(Session::queuedBehindLock).count();
    String named = blockers.isEmpty()
        ? "no running statement of another session is visible (an idle session may hold LOCK TABLES, or the login"
            + " lacks the PROCESS privilege to see the others)"
        : "blocked by " + blockers.stream().limit(BLOCKERS_NAMED).map(Session::describe).collect(Collectors.joining("; "))
            + (blockers.size() > BLOCKERS_NAMED ? " and " + (blockers.size() - BLOCKERS_NAMED) + " more" : "");
    return named + (queued == 0 ? "" : "; " + queued + " statement(s) of other sessions queued behind the lock request");
  }

  /**
   * Readers started without a lock, proven one snapshot by the same source position before the first
   * start and after the last; tried {@link #LOCK_FREE_ATTEMPTS} times while the source moves.
   */
  private Snapshot lockFree(SnapshotRequest request, String why) throws SQLException {
    String moved = null;
    for (int attempt = 1; attempt <= LOCK_FREE_ATTEMPTS; attempt++) {
      List<Connection> connections = new ArrayList<>();
      try {
        Connection first = source.getConnection();
        connections.add(first);
        Optional<SourcePosition> before = MySqlSourcePositionAdapter.read(first);
        if (before.isEmpty()) {
          throw new ConvergeException(ErrorCode.EXPORT, "a lock-free snapshot needs GTIDs or a readable binary-log"
              + " position to prove it consistent, and the source keeps neither (or the login lacks REPLICATION"
              + " CLIENT); use --snapshot-mode lock, or --parallel 1");
        }
        begin(first);
        for (int i = 1; i < request.readers(); i++) {
          Connection reader = source.getConnection();
          connections.add(reader);
          begin(reader);
        }
        SourcePosition after = MySqlSourcePositionAdapter.read(first).orElseThrow();
        if (before.get().samePointAs(after)) {
          return new SharedSnapshot(connections, describe(first, request.readers() + " readers sharing one snapshot, "
              + why + ": proven consistent by an unchanged " + before.get().describe() + " across the reader starts"
              + (attempt == 1 ? "" : " (attempt " + attempt + ")")), before, Duration.ZERO);
        }
        moved = before.get().kind().label() + " " + before.get().shortValue() + " → " + after.shortValue();
        request.notices().accept("snapshot: the source moved while the readers started (" + moved + "); attempt "
            + attempt + " of " + LOCK_FREE_ATTEMPTS);
      } catch (SQLException | RuntimeException e) {
        connections.forEach(MySqlSnapshotAdapter::closeQuietly);
        throw e;
      }
      connections.forEach(MySqlSnapshotAdapter::closeQuietly);
      try {
        Thread.sleep(200L * attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConvergeException(ErrorCode.EXPORT, "interrupted while retrying the lock-free snapshot", e);
      }
    }
    throw new ConvergeException(ErrorCode.EXPORT, "the lock-free snapshot could not be proven in " + LOCK_FREE_ATTEMPTS
        + " attempts: the source is being written (" + moved + " while the readers started); stop the application or"
        + " use --snapshot-mode lock");
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  private static Connection begin(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      statement.execute("SET time_zone = '+00:00'");
      connection.setAutoCommit(false);
      statement.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
      return connection;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  private static String describe(Connection connection, String readers) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet now = statement.executeQuery("SELECT DATE_FORMAT(UTC_TIMESTAMP(6), '%Y-%m-%dT%H:%i:%s.%fZ'),"
            + " @@transaction_isolation, VERSION()")) {
      now.next();
      return "snapshot at " + now.getString(1) + " (" + now.getString(2) + ", " + now.getString(3) + "), " + readers;
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // The transaction only read; ending it any way is fine.
    }
    try {
      connection.setAutoCommit(true);
      connection.close();
    } catch (SQLException e) {
      // The pool replaces a connection it cannot reset.
    }
  }

  /** The connections of one snapshot, handed to one stream at a time. */
  private static final class SharedSnapshot implements Snapshot {
    private final List<Connection> connections;
    private final BlockingQueue<Connection> idle;
    private final String description;

    private final Optional<SourcePosition> position;
    private final Duration lockWait;

    SharedSnapshot(List<Connection> connections, String description, Optional<SourcePosition> position,
        Duration lockWait) {
      this.connections = List.copyOf(connections);
      this.idle = new ArrayBlockingQueue<>(connections.size(), false, connections);
      this.description = description;
      this.position = position;
      this.lockWait = lockWait;
    }

    @Override
    public Optional<SourcePosition> position() {
      return position;
    }

    @Override
    public Duration lockWait() {
      return lockWait;
    }

    @Override
    public int readers() {
      return connections.size();
    }

    @Override
    public String description() {
      return description;
    }

    @Override
    public long stream(TableRead table, Consumer<Object[]> rows) {
      Connection connection;
      try {
        connection = idle.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConvergeException(ErrorCode.EXPORT, "interrupted while waiting for a snapshot reader", e);
      }
      try {
        return stream(connection, table, rows);
      } catch (SQLException e) {
        throw new ConvergeException(ErrorCode.EXPORT, "cannot read " + table.table() + " from the source: "
            + e.getMessage(), e);
      } finally {
        idle.add(connection);
      }
    }

    @Override
    public List<KeyRange> split(TableRead table, int ranges) {
      if (ranges < 2 || table.primaryKey().size() != 1) {
        return List.of(KeyRange.ALL);
      }
      String key = table.primaryKey().get(0);
      Optional<SourceColumn> column = table.columns().stream().filter(c -> c.name().equals(key)).findFirst();
      if (column.isEmpty() || !SPLITTABLE.contains(column.get().dataType())) {
        return List.of(KeyRange.ALL);
      }
      Connection connection;
      try {
        connection = idle.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConvergeException(ErrorCode.EXPORT, "interrupted while waiting for a snapshot reader", e);
      }
      try {
        List<Object> samples = keySamples(connection, table.table(), key, ranges);
        List<KeyRange> split = new ArrayList<>();
        Object from = null;
        for (int i = 1; i < ranges; i++) {
          Object to = samples.get(i * samples.size() / ranges);
          split.add(new KeyRange(from, to));
          from = to;
        }
        split.add(new KeyRange(from, null));
        return split;
      } catch (SQLException e) {
        throw new ConvergeException(ErrorCode.EXPORT, "cannot read the primary key of " + table.table()
            + " to split it into ranges: " + e.getMessage(), e);
      } catch (TooFewKeys e) {
        return List.of(KeyRange.ALL);
      } finally {
        idle.add(connection);
      }
    }

    /**
     * About {@link #KEY_SAMPLES} of the table's keys, evenly drawn, in the key's own order, in this
     * snapshot. The keys are read without an order, so that the server reads them from the table's
     * smallest index that holds the key (every secondary index of InnoDB does) rather than from the
     * whole rows: for a table of multi-KB JSON that is a tenth of the bytes. A seeded reservoir keeps
     * the sample bounded (and the same for the same rows read in the same order); the server then puts
     * the sample in the key's order (its collation, not Java's) by reading those keys back. Whatever
     * the sample, the ranges hold each row once: their bounds are ordered by the server's own
     * comparison, the one the ranges' conditions use.
     */
    private static List<Object> keySamples(Connection connection, String table, String key, int ranges)
        throws SQLException, TooFewKeys {
      KeyReservoir reservoir = new KeyReservoir(KEY_SAMPLES, table.hashCode());
      try (Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        statement.setFetchSize(Integer.MIN_VALUE);
        try (ResultSet keys = statement.executeQuery("SELECT " + quote(key) + " FROM " + quote(table))) {
          while (keys.next()) {
            reservoir.offer(keys.getObject(1));
          }
        }
      }
      List<Object> drawn = withinText(reservoir.sample());
      if (drawn.size() < ranges * 2) {
        throw new TooFewKeys();
      }
      List<Object> ordered = new ArrayList<>(drawn.size());
      String placeholders = String.join(", ", java.util.Collections.nCopies(drawn.size(), "?"));
      try (PreparedStatement statement = connection.prepareStatement("SELECT " + quote(key) + " FROM " + quote(table)
          + " WHERE " + quote(key) + " IN (" + placeholders + ") ORDER BY " + quote(key))) {
        for (int i = 0; i < drawn.size(); i++) {
          statement.setObject(i + 1, drawn.get(i));
        }
        try (ResultSet keys = statement.executeQuery()) {
          while (keys.next()) {
            ordered.add(keys.getObject(1));
          }
        }
      }
      if (ordered.size() < ranges * 2) {
        throw new TooFewKeys();
      }
      return ordered;
    }

    /**
     * The first keys of {@code sample} whose text fits {@link #SAMPLE_TEXT_BYTES} (a key of a few KB
     * would otherwise make the IN list outgrow the server's packet); the sample is in no order, so
     * its first keys are as evenly drawn as all of them.
     */
    private static List<Object> withinText(List<Object> sample) {
      long bytes = 0;
      for (int i = 0; i < sample.size(); i++) {
        Object key = sample.get(i);
        // Each key's text at most: 4 bytes a char (escapes included), 2 a byte (hex), a number's digits; the separator.
        bytes += (key instanceof String text ? 4L * text.length() : key instanceof byte[] raw ? 2L * raw.length : 24) + 4;
        if (bytes > SAMPLE_TEXT_BYTES) {
          return sample.subList(0, i);
        }
      }
      return sample;
    }

    /** A table too small to be worth splitting. */
    private static final class TooFewKeys extends Exception {
      TooFewKeys() {
        super(null, null, false, false);
      }
    }

    private static long stream(Connection connection, TableRead table, Consumer<Object[]> rows) throws SQLException {
      List<SourceColumn> columns = table.columns();
      boolean[] binary = new boolean[columns.size()];
      List<String> select = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        SourceColumn column = columns.get(i);
        binary[i] = READ_AS_BYTES.contains(column.dataType());
        String name = quote(column.name());
        // MySQL's own text for temporal, double and bit values: exact, zero dates included. A FLOAT's
        // text has only six significant digits (482432.1 becomes 482432): widened to a double first
        // (exactly), its text reads back as the very same float.
        select.add(column.dataType().equals("bit") ? "CAST(" + name + " AS UNSIGNED)"
            : column.dataType().equals("float") ? "CAST(" + name + " + 0e0 AS CHAR)"
            : READ_AS_TEXT.contains(column.dataType()) ? "CAST(" + name + " AS CHAR)" : name);
      }
      KeyRange range = table.range();
      List<String> where = new ArrayList<>();
      if (range.from() != null) {
        where.add(quote(table.primaryKey().get(0)) + " >= ?");
      }
      if (range.to() != null) {
        where.add(quote(table.primaryKey().get(0)) + " < ?");
      }
      String sql = "SELECT " + String.join(", ", select) + " FROM " + quote(table.table())
          + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
          + (table.primaryKey().isEmpty() ? ""
              : " ORDER BY " + table.primaryKey().stream().map(MySqlSnapshotAdapter::quote).collect(Collectors.joining(", ")));
      Object[] row = new Object[columns.size()];
      long count = 0;
      try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
          ResultSet.CONCUR_READ_ONLY)) {
        // Connector/J streams row by row with this fetch size: no table is ever held in memory.
        statement.setFetchSize(Integer.MIN_VALUE);
        int bound = 1;
        // The bounds are the key's own values as the driver read them: compared in the key's type and collation.
        if (range.from() != null) {
          statement.setObject(bound++, range.from());
        }
        if (range.to() != null) {
          statement.setObject(bound, range.to());
        }
        try (ResultSet result = statement.executeQuery()) {
          while (result.next()) {
            for (int i = 0; i < row.length; i++) {
              row[i] = binary[i] ? result.getBytes(i + 1) : result.getString(i + 1);
            }
            rows.accept(row);
            count++;
          }
        }
      }
      return count;
    }

    @Override
    public void close() {
      connections.forEach(MySqlSnapshotAdapter::closeQuietly);
    }
  }

  private static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}
