package dev.converge.adapter.mysql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.adapter.embedded.mysql.MySqlFlavor;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.port.in.SnapshotMode;
import dev.converge.application.port.out.StreamSourceRowsPort;
import dev.converge.application.port.out.StreamSourceRowsPort.Snapshot;
import dev.converge.application.port.out.StreamSourceRowsPort.SnapshotRequest;
import dev.converge.application.port.out.StreamSourceRowsPort.TableRead;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.schema.SourceSchema;
import dev.converge.domain.schema.SourceTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MySqlSnapshotAdapterIT {

  private static String prepare(MySqlFlavor flavor, String... statements) throws SQLException {
    String database = SharedMySqlServers.freshDatabase(flavor, "snapshot");
    try (HikariDataSource writable = MySqlDataSourceFactory.writable(SharedMySqlServers.of(flavor).endpoint(database), 1);
        Connection connection = writable.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
    return database;
  }

  private static TableRead read(HikariDataSource source, String database, String table) {
    SourceSchema schema = new MySqlCatalogAdapter(source, database).readSourceSchema();
    SourceTable found = schema.table(table).orElseThrow();
    return new TableRead(table, found.columns(), found.primaryKey());
  }

  private static List<Object[]> rows(Snapshot snapshot, TableRead table) {
    List<Object[]> rows = new ArrayList<>();
    snapshot.stream(table, row -> rows.add(row.clone()));
    return rows;
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void everyReaderSeesTheSameInstantWhileWritesGoOn(MySqlFlavor flavor) throws SQLException {
    String database = prepare(flavor,
        "CREATE TABLE parent (id INT PRIMARY KEY)", "CREATE TABLE child (id INT PRIMARY KEY, parentId INT)",
        "INSERT INTO parent VALUES (1), (2)", "INSERT INTO child VALUES (10, 1), (20, 2)");
    DatabaseEndpoint endpoint = SharedMySqlServers.of(flavor).endpoint(database);
    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(endpoint, 4);
        HikariDataSource writable = MySqlDataSourceFactory.writable(endpoint, 1)) {
      TableRead parent = read(source, database, "parent");
      TableRead child = read(source, database, "child");
      try (Snapshot snapshot = new MySqlSnapshotAdapter(source).openSnapshot(2)) {
        assertEquals(2, snapshot.readers(), snapshot.description());
        assertTrue(snapshot.description().contains("2 readers sharing one snapshot"), snapshot.description());
        try (Connection connection = writable.getConnection(); Statement statement = connection.createStatement()) {
          statement.execute("INSERT INTO parent VALUES (3)");
          statement.execute("INSERT INTO child VALUES (30, 3)");
          statement.execute("DELETE FROM child WHERE id = 10");
        }
        assertEquals(2, rows(snapshot, parent).size());
        List<Object[]> children = rows(snapshot, child);
        assertEquals(List.of("10", "20"), children.stream().map(row -> (String) row[0]).toList());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void keyRangesSplitATableSoThatTogetherTheyHoldEachRowOfTheSnapshotOnce(MySqlFlavor flavor) throws SQLException {
    String database = prepare(flavor,
        // A secondary index: the keys are sampled from it (unordered), and put in order by the server.
        "CREATE TABLE words (id VARCHAR(20) PRIMARY KEY, n INT, KEY by_n (n)) CHARACTER SET utf8mb4"
            + " COLLATE utf8mb4_general_ci",
        "CREATE TABLE numbers (id BIGINT PRIMARY KEY, n INT)",
        "CREATE TABLE hashes (id BINARY(2) PRIMARY KEY, n INT)",
        "CREATE TABLE pairs (a INT, b INT, PRIMARY KEY (a, b))",
        // More keys than the sample holds: the bounds come from a drawn sample, not every key.
        "CREATE TABLE many (id INT PRIMARY KEY, n INT, KEY by_n (n))",
        "INSERT INTO pairs VALUES (1, 1), (1, 2)");
    DatabaseEndpoint endpoint = SharedMySqlServers.of(flavor).endpoint(database);
    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(endpoint, 4);
        HikariDataSource writable = MySqlDataSourceFactory.writable(endpoint, 1)) {
      try (Connection connection = writable.getConnection(); Statement statement = connection.createStatement()) {
        for (int i = 0; i < 1000; i++) {
          // Mixed case and accents: the ranges follow the key's collation, not Java's order.
          statement.execute("INSERT INTO words VALUES ('" + (i % 2 == 0 ? "Wort" : "wörd") + i + "', " + (i * 31 % 1000) + ")");
          statement.execute("INSERT INTO numbers VALUES (" + (i * 7919L - 3_000_000_000L) + ", " + i + ")");
          statement.execute("INSERT INTO hashes VALUES (UNHEX(LPAD(HEX(" + (i * 37 % 65536) + "), 4, '0')), " + i + ")");
        }
        StringBuilder many = new StringBuilder("INSERT INTO many VALUES ");
        for (int i = 0; i < 6000; i++) {
          many.append(i == 0 ? "" : ", ").append("(").append(i * 3).append(", ").append(i * 4243 % 6000).append(")");
        }
        statement.execute(many.toString());
      }
      try (Snapshot snapshot = new MySqlSnapshotAdapter(source).openSnapshot(3)) {
        try (Connection connection = writable.getConnection(); Statement statement = connection.createStatement()) {
          statement.execute("INSERT INTO words VALUES ('zzz-later', -1)");
          statement.execute("DELETE FROM numbers WHERE n < 10");
        }
        for (String table : List.of("words", "numbers", "hashes", "many")) {
          int count = table.equals("many") ? 6000 : 1000;
          TableRead whole = read(source, database, table);
          List<StreamSourceRowsPort.KeyRange> ranges = snapshot.split(whole, 3);
          assertEquals(3, ranges.size(), table + ": " + ranges);
          List<Object> seen = new ArrayList<>();
          List<Integer> sizes = new ArrayList<>();
          for (StreamSourceRowsPort.KeyRange range : ranges) {
            List<Object[]> part = rows(snapshot, whole.within(range));
            sizes.add(part.size());
            part.forEach(row -> seen.add(row[1]));
          }
          List<Object> expected = rows(snapshot, whole).stream().map(row -> row[1]).toList();
          assertEquals(count, expected.size(), table + ": the snapshot's rows, before the writes");
          assertEquals(expected, seen, table + ": every row once, in key order across the ranges " + ranges);
          assertTrue(sizes.stream().allMatch(size -> size > count / 4), table + ": about even: " + sizes);
        }
        assertEquals(List.of(StreamSourceRowsPort.KeyRange.ALL), snapshot.split(read(source, database, "pairs"), 3),
            "a composite key is read whole");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void valuesArriveInMySqlsOwnExactTextOrAsBytesInKeyOrder(MySqlFlavor flavor) throws SQLException {
    String database = prepare(flavor,
        "CREATE TABLE sample (id INT PRIMARY KEY, born DATETIME(6), day DATE, flag BIT(1), ratio DOUBLE,"
            + " blob_value VARBINARY(4), note TEXT) CHARACTER SET utf8mb4",
        "SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION'",
        "INSERT INTO sample VALUES (2, '0000-00-00 00:00:00', '2024-00-10', b'0', 1e300, NULL, '')",
        "INSERT INTO sample VALUES (1, '2024-01-15 10:30:00.123456', '2024-01-15', b'1', 0.1, X'00FF7F80',"
            + " CONCAT('line', CHAR(10), 'feed 👋'))");
    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(SharedMySqlServers.of(flavor).endpoint(database), 1)) {
      TableRead sample = read(source, database, "sample");
      List<Object[]> rows;
      try (Snapshot snapshot = new MySqlSnapshotAdapter(source).openSnapshot(1)) {
        rows = rows(snapshot, sample);
      }
      assertEquals("1", rows.get(0)[0], "primary-key order");
      assertEquals("2024-01-15 10:30:00.123456", rows.get(0)[1]);
      assertEquals("2024-01-15", rows.get(0)[2]);
      assertEquals("1", rows.get(0)[3]);
      assertEquals("0.1", rows.get(0)[4]);
      assertArrayEquals(new byte[] {0, (byte) 0xff, 0x7f, (byte) 0x80}, (byte[]) rows.get(0)[5]);
      assertEquals("line\nfeed 👋", rows.get(0)[6]);
      assertEquals("0000-00-00 00:00:00.000000", rows.get(1)[1], "a zero date arrives as text, not as an error");
      assertEquals("2024-00-10", rows.get(1)[2]);
      assertEquals("0", rows.get(1)[3]);
      assertEquals("1e300", rows.get(1)[4]);
      assertEquals(null, rows.get(1)[5]);
      assertEquals("", rows.get(1)[6], "empty stays empty, not NULL");
    }
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void aLoginWithoutReloadGetsTheLockFreeModeOrOneReaderAndIsToldWhy(MySqlFlavor flavor) throws SQLException {
    String database = prepare(flavor, "CREATE TABLE t (id INT PRIMARY KEY)");
    String reader = "reader_" + database;
    String replicaClient = "client_" + database;
    try (HikariDataSource admin = MySqlDataSourceFactory.writable(SharedMySqlServers.of(flavor).endpoint(database), 1);
        Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
      for (String user : List.of(reader, replicaClient)) {
        statement.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'secret-pw'");
        statement.execute("GRANT SELECT ON `" + database + "`.* TO '" + user + "'@'%'");
      }
      // Enough to read the binary-log position, still no RELOAD: what managed services give.
      statement.execute("GRANT REPLICATION CLIENT ON *.* TO '" + replicaClient + "'@'%'");
    }
    int port = SharedMySqlServers.of(flavor).port();
    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(
            new DatabaseEndpoint("127.0.0.1", port, database, reader, "secret-pw"), 4);
        Snapshot snapshot = new MySqlSnapshotAdapter(source).openSnapshot(4)) {
      // MariaDB tells anyone its GTID position; MySQL without GTIDs needs REPLICATION CLIENT for the binary log's.
      assertEquals(flavor == MySqlFlavor.MYSQL_8_0 ? 1 : 4, snapshot.readers(), snapshot.description());
      assertTrue(snapshot.description().contains("lacks the RELOAD privilege"), snapshot.description());
    }
    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(
            new DatabaseEndpoint("127.0.0.1", port, database, replicaClient, "secret-pw"), 4);
        Snapshot snapshot = new MySqlSnapshotAdapter(source).openSnapshot(4)) {
      assertEquals(4, snapshot.readers(), snapshot.description());
      assertTrue(snapshot.description().contains("lock-free because the login lacks the RELOAD privilege"),
          snapshot.description());
      assertTrue(snapshot.position().isPresent());
    }
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void theLockWaitEndsAtItsBoundNamingTheBlockerAndWritesAreNotStalledBeyondIt(MySqlFlavor flavor) throws Exception {
    String database = prepare(flavor, "CREATE TABLE busy (id INT PRIMARY KEY)", "INSERT INTO busy VALUES (1)",
        "CREATE TABLE orders (id INT PRIMARY KEY)");
    DatabaseEndpoint endpoint = SharedMySqlServers.of(flavor).endpoint(database);
    ExecutorService background = Executors.newFixedThreadPool(2);
    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(endpoint, 4);
        HikariDataSource writable = MySqlDataSourceFactory.writable(endpoint, 3);
        Connection blocker = writable.getConnection()) {
      long blockerId = connectionId(blocker);
      // MySQL's lock waits for a long read of a table; MariaDB 10.4+ waits only for writers.
      String longStatement = flavor == MySqlFlavor.MYSQL_8_0 ? "SELECT SLEEP(30) FROM busy"
          : "UPDATE busy SET id = id WHERE SLEEP(30) = 0";
      Future<?> longQuery = background.submit(() -> {
        try (Statement statement = blocker.createStatement()) {
          statement.execute(longStatement);
        }
        return null;
      });
      awaitRunning(writable, blockerId);
      Future<Long> write = background.submit(() -> {
        Thread.sleep(500);
        long begun = System.nanoTime();
        try (Connection connection = writable.getConnection(); Statement statement = connection.createStatement()) {
          statement.execute("INSERT INTO orders VALUES (1)");
        }
        return (System.nanoTime() - begun) / 1_000_000;
      });
      List<String> notices = new CopyOnWriteArrayList<>();
      long started = System.nanoTime();
      ConvergeException failure = assertThrows(ConvergeException.class, () -> new MySqlSnapshotAdapter(source)
          .openSnapshot(new SnapshotRequest(2, SnapshotMode.LOCK, Duration.ofSeconds(2), notices::add)).close());
      long waitedMillis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(ErrorCode.EXPORT, failure.code());
      assertTrue(failure.getMessage().contains("not granted within 2.0 s"), failure.getMessage());
      assertTrue(failure.getMessage().contains("connection " + blockerId), failure.getMessage());
      assertTrue(failure.getMessage().contains(longStatement), failure.getMessage());
      assertTrue(waitedMillis < 4_000, "the lock request ended near its bound, after " + waitedMillis + " ms");
      assertTrue(notices.stream().anyMatch(notice -> notice.contains("waiting") && notice.contains("connection "
          + blockerId)), notices.toString());
      long writeMillis;
      try {
        writeMillis = write.get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError("the application's write still waits: " + processlist(writable));
      }
      assertTrue(writeMillis < 3_000, "the application's write waited " + writeMillis + " ms behind the lock request");
      try (Connection connection = writable.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("KILL QUERY " + blockerId);
      }
      try {
        longQuery.get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        // The killed statement may end with "query interrupted": it only had to block.
      }
    } finally {
      background.shutdownNow();
    }
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void theLockFreeModeOnAQuietSourceIsProvenByTheUnchangedPosition(MySqlFlavor flavor) throws SQLException {
    String database = prepare(flavor, "CREATE TABLE t (id INT PRIMARY KEY)", "INSERT INTO t VALUES (1), (2)");
    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(SharedMySqlServers.of(flavor).endpoint(database), 4);
        Snapshot snapshot = new MySqlSnapshotAdapter(source).openSnapshot(
            new SnapshotRequest(3, SnapshotMode.LOCK_FREE, Duration.ofSeconds(2), notice -> { }))) {
      assertEquals(3, snapshot.readers());
      assertTrue(snapshot.description().contains("proven consistent by an unchanged "
          + (flavor == MySqlFlavor.MYSQL_8_0 ? "binary-log position binlog." : "MariaDB GTID position")),
          snapshot.description());
      assertEquals(Duration.ZERO, snapshot.lockWait());
      assertEquals(2, rows(snapshot, read(source, database, "t")).size());
    }
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void theLockFreeModeFailsAfterRetriesWhileTheSourceIsWritten(MySqlFlavor flavor) throws Exception {
    String database = prepare(flavor, "CREATE TABLE t (id INT PRIMARY KEY AUTO_INCREMENT, note TEXT)");
    DatabaseEndpoint endpoint = SharedMySqlServers.of(flavor).endpoint(database);
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService background = Executors.newSingleThreadExecutor();
    List<String> notices = new CopyOnWriteArrayList<>();
    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(endpoint, 9);
        HikariDataSource writable = MySqlDataSourceFactory.writable(endpoint, 1)) {
      Future<?> writer = background.submit(() -> {
        try (Connection connection = writable.getConnection(); Statement statement = connection.createStatement()) {
          while (writing.get()) {
            statement.execute("INSERT INTO t (note) VALUES ('the application is live')");
          }
        }
        return null;
      });
      ConvergeException failure = assertThrows(ConvergeException.class, () -> new MySqlSnapshotAdapter(source)
          .openSnapshot(new SnapshotRequest(8, SnapshotMode.LOCK_FREE, Duration.ofSeconds(2), notices::add)).close());
      writing.set(false);
      writer.get(10, TimeUnit.SECONDS);
      assertTrue(failure.getMessage().contains("the source is being written"), failure.getMessage());
      assertTrue(failure.getMessage().contains("stop the application or use --snapshot-mode lock"), failure.getMessage());
      assertEquals(3, notices.size(), "one notice per attempt: " + notices);
    } finally {
      writing.set(false);
      background.shutdownNow();
    }
  }

  private static String processlist(HikariDataSource pool) throws SQLException {
    List<String> sessions = new ArrayList<>();
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id, command, time, state, info FROM information_schema.processlist")) {
      while (rows.next()) {
        sessions.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " " + rows.getString(4)
            + " " + rows.getString(5));
      }
    }
    return String.join("\n", sessions);
  }

  private static long connectionId(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet id = statement.executeQuery("SELECT CONNECTION_ID()")) {
      id.next();
      return id.getLong(1);
    }
  }

  /** Waits until the session {@code id} runs its statement, so the test does not race its start. */
  private static void awaitRunning(HikariDataSource pool, long id) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      while (System.nanoTime() < deadline) {
        try (ResultSet running = statement.executeQuery(
            "SELECT COUNT(*) FROM information_schema.processlist WHERE id = " + id + " AND info LIKE '%SLEEP(30)%'")) {
          running.next();
          if (running.getInt(1) == 1) {
            return;
          }
        }
        Thread.sleep(50);
      }
    }
    throw new AssertionError("the long query never started");
  }
}
