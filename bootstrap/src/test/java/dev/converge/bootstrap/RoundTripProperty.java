package dev.converge.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.application.connection.RunningServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;

/**
 * The round trip as a property: random values of every conversion kind (jqwik's generators, edge
 * cases embedded: extreme numbers and dates, 4-byte and combining characters, C0 and C1 controls,
 * nested JSON with escapes, binary) are written into a real MySQL table, {@code converge migrate}
 * moves them, and every value PostgreSQL returns is compared with an expectation computed in Java
 * from the generated value alone — not from MySQL's text, nor from converge's own conversion or
 * checksum. Each row's values derive from (seed, row id), so a difference is reproduced by its seed
 * and id. {@code RoundTripPropertyIT} runs a seeded sample in the build; {@code bench/round-trip.sh}
 * runs a million values per family.
 */
final class RoundTripProperty {

  private static final String TABLE = "round_trip";
  private static final List<String> LABELS = List.of("happy", "sad", "so-so", "très bien", "a b");
  private static final String MYSQL_LABELS = LABELS.stream().map(label -> "'" + label + "'").collect(Collectors.joining(","));
  private static final DateTimeFormatter MYSQL_DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);
  private static final DateTimeFormatter MYSQL_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS", Locale.ROOT);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int GEN_SIZE = 1000;

  /** How a value reaches MySQL, what PostgreSQL must give back for it, and how it is read there. */
  private record Family(String column, String kind, String mySqlType, String postgresType, RandomGenerator<?> values,
      Binder bind, Function<Object, Object> expected, Reader read) {}

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement statement, int index, Object value) throws SQLException;
  }

  @FunctionalInterface
  private interface Reader {
    Object read(ResultSet rows, String column) throws SQLException;
  }

  /** A value PostgreSQL gave back that is not what was written. */
  record Difference(int id, String column, String kind, String written, String expected, String actual) {
    @Override
    public String toString() {
      return "row " + id + " " + column + " (" + kind + "): wrote " + written + ", expected " + expected + ", got "
          + actual;
    }
  }

  /** What a run compared: non-NULL values per conversion kind, and every difference. */
  record Result(long seed, int rows, Map<String, Long> valuesPerKind, List<Difference> differences, String output,
      double writeSeconds, double migrateSeconds, double compareSeconds) {}

  private List<Family> families;

  /**
   * Writes {@code rows} rows of random values into a fresh database of {@code mySql}, migrates them
   * into a fresh database of {@code postgres} with converge, and compares.
   */
  Result run(long seed, int rows, RunningServer mySql, RunningServer postgres, Path work) throws Exception {
    // jqwik's generators need a session outside its own engine; this thread generates and compares.
    JqwikSession.start();
    try {
      families = families();
      return runInSession(seed, rows, mySql, postgres, work);
    } finally {
      JqwikSession.finish();
    }
  }

  private Result runInSession(long seed, int rows, RunningServer mySql, RunningServer postgres, Path work)
      throws Exception {
    DatabaseEndpoint source = mySql.endpoint(EmbeddedServers.freshDatabase(mySql, "round_trip"));
    DatabaseEndpoint target = postgres.endpoint(EmbeddedServers.freshDatabase(postgres, "round_trip"));
    long writing = System.nanoTime();
    write(seed, rows, source);
    double written = (System.nanoTime() - writing) / 1e9;
    Path migrations = Files.createDirectories(work.resolve("migrations"));
    Files.writeString(migrations.resolve("V1__round_trip.sql"), postgresSchema());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("migrate",
        "--source-host", source.host(), "--source-port", String.valueOf(source.port()),
        "--source-database", source.database(), "--source-user", source.user(),
        "--target-host", target.host(), "--target-port", String.valueOf(target.port()),
        "--target-database", target.database(), "--target-user", target.user(),
        "--work-dir", work.resolve("work").toString(), "--flyway-location", "filesystem:" + migrations));
    long migrating = System.nanoTime();
    int status = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    double migrated = (System.nanoTime() - migrating) / 1e9;
    String output = out + "\n--- stderr ---\n" + err;
    if (status != 0) {
      throw new IllegalStateException("converge migrate exited with " + status + ":\n" + output);
    }
    Map<String, Long> values = new LinkedHashMap<>();
    families.forEach(family -> values.put(family.kind() + " " + family.column(), 0L));
    long comparing = System.nanoTime();
    List<Difference> differences = compare(seed, rows, target, values);
    return new Result(seed, rows, values, differences, output, written, migrated, (System.nanoTime() - comparing) / 1e9);
  }

  private String mySqlSchema() {
    return "CREATE TABLE " + TABLE + " (id int PRIMARY KEY, " + families.stream()
        .map(family -> family.column() + " " + family.mySqlType()).collect(Collectors.joining(", "))
        + ") CHARACTER SET utf8mb4";
  }

  private String postgresSchema() {
    return "CREATE TYPE mood AS ENUM (" + MYSQL_LABELS + ");\nCREATE TABLE " + TABLE + " (id integer PRIMARY KEY, "
        + families.stream().map(family -> family.column() + " " + family.postgresType())
            .collect(Collectors.joining(", ")) + ");\n";
  }

  /** The row's values, from (seed, id) alone; null where the row holds NULL (one value in twenty). */
  private Object[] row(long seed, int id) {
    Random random = new Random(seed * 1_000_003L + id);
    Object[] values = new Object[families.size()];
    for (int i = 0; i < values.length; i++) {
      Object value = families.get(i).values().next(random).value();
      values[i] = random.nextInt(20) == 0 ? null : value;
    }
    return values;
  }

  private void write(long seed, int rows, DatabaseEndpoint source) throws SQLException {
    try (HikariDataSource pool = MySqlDataSourceFactory.writable(source, 1); Connection connection = pool.getConnection()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(mySqlSchema());
        // The session works in UTC, as converge's do: TIMESTAMP values are written as UTC wall-clock text.
        statement.execute("SET time_zone = '+00:00'");
      }
      connection.setAutoCommit(false);
      String insert = "INSERT INTO " + TABLE + " VALUES (?" + ", ?".repeat(families.size()) + ")";
      try (PreparedStatement statement = connection.prepareStatement(insert)) {
        for (int id = 1; id <= rows; id++) {
          Object[] values = row(seed, id);
          statement.setInt(1, id);
          for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
              statement.setNull(i + 2, Types.NULL);
            } else {
              families.get(i).bind().bind(statement, i + 2, values[i]);
            }
          }
          statement.addBatch();
          if (id % 500 == 0 || id == rows) {
            statement.executeBatch();
            connection.commit();
          }
        }
      }
    }
  }

  private List<Difference> compare(long seed, int rows, DatabaseEndpoint target, Map<String, Long> values)
      throws SQLException {
    List<Difference> differences = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + target.host() + ":" + target.port()
        + "/" + target.database(), target.user(), "")) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.setFetchSize(1000);
        int seen = 0;
        try (ResultSet result = statement.executeQuery("SELECT * FROM " + TABLE + " ORDER BY id")) {
          while (result.next()) {
            int id = result.getInt("id");
            if (id != ++seen) {
              differences.add(new Difference(seen, "id", "row", "row " + seen, "present", "missing"));
              seen = id;
            }
            Object[] written = row(seed, id);
            for (int i = 0; i < written.length; i++) {
              Family family = families.get(i);
              Object expected = written[i] == null ? null : family.expected().apply(written[i]);
              Object actual = family.read().read(result, family.column());
              if (written[i] != null) {
                values.merge(family.kind() + " " + family.column(), 1L, Long::sum);
              }
              if (!same(expected, actual)) {
                differences.add(new Difference(id, family.column(), family.kind(), show(written[i]), show(expected),
                    show(actual)));
              }
            }
          }
        }
        if (seen != rows) {
          differences.add(new Difference(seen + 1, "id", "row", rows + " rows", rows + " rows", seen + " rows"));
        }
      }
    }
    return differences;
  }

  private static boolean same(Object expected, Object actual) {
    if (expected instanceof BigDecimal number && actual instanceof BigDecimal other) {
      return number.compareTo(other) == 0;
    }
    if (expected instanceof byte[] bytes && actual instanceof byte[] other) {
      return Arrays.equals(bytes, other);
    }
    if (expected instanceof JsonNode tree && actual instanceof JsonNode other) {
      return sameJson(tree, other);
    }
    return Objects.equals(expected, actual);
  }

  /** JSON equality as JSON means it: members in any order, numbers by value (jsonb keeps no -0 or exponent form). */
  private static boolean sameJson(JsonNode expected, JsonNode actual) {
    if (expected.isNumber() && actual.isNumber()) {
      if (expected.isBigDecimal()) {
        // MySQL holds it as the nearest double; PostgreSQL must hold a text of that same double.
        return expected.decimalValue().doubleValue() == actual.decimalValue().doubleValue();
      }
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    if (expected.isObject() && actual.isObject()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> members = expected.fields(); members.hasNext(); ) {
        Map.Entry<String, JsonNode> member = members.next();
        if (!actual.has(member.getKey()) || !sameJson(member.getValue(), actual.get(member.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      for (int i = 0; i < expected.size(); i++) {
        if (!sameJson(expected.get(i), actual.get(i))) {
          return false;
        }
      }
      return true;
    }
    return expected.equals(actual);
  }

  private static String show(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof byte[] bytes) {
      return "0x" + java.util.HexFormat.of().formatHex(bytes);
    }
    if (value instanceof String text) {
      StringBuilder shown = new StringBuilder("'");
      text.codePoints().forEach(c -> shown.append(c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\''
          ? String.format(Locale.ROOT, "\\u%04x", c) : new String(Character.toChars(c))));
      return shown.append("'").toString();
    }
    return value + " (" + value.getClass().getSimpleName() + ")";
  }

  // ---- the families: one or more columns per conversion kind ----

  private static List<Family> families() {
    List<Family> all = new ArrayList<>();
    all.add(new Family("c_bigint", "INTEGER_TO_INTEGER", "bigint", "bigint", gen(Arbitraries.longs()),
        (s, i, v) -> s.setLong(i, (Long) v), v -> v, (r, c) -> nullable(r, r.getLong(c))));
    all.add(new Family("c_int_unsigned", "INTEGER_TO_INTEGER", "int unsigned", "bigint",
        gen(Arbitraries.longs().between(0, 4_294_967_295L)), (s, i, v) -> s.setLong(i, (Long) v), v -> v,
        (r, c) -> nullable(r, r.getLong(c))));
    all.add(new Family("c_smallint", "INTEGER_TO_INTEGER", "smallint", "smallint", gen(Arbitraries.shorts()),
        (s, i, v) -> s.setShort(i, (Short) v), v -> (int) (Short) v, (r, c) -> nullable(r, r.getInt(c))));
    all.add(new Family("c_bigint_unsigned", "INTEGER_TO_NUMERIC", "bigint unsigned", "numeric(20,0)",
        gen(Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TWO.pow(64).subtract(BigInteger.ONE))),
        (s, i, v) -> s.setBigDecimal(i, new BigDecimal((BigInteger) v)), v -> new BigDecimal((BigInteger) v),
        ResultSet::getBigDecimal));
    all.add(new Family("c_tinyint1", "INTEGER_TO_BOOLEAN", "tinyint(1)", "boolean", gen(Arbitraries.of(0, 1)),
        (s, i, v) -> s.setInt(i, (Integer) v), v -> (Integer) v == 1, (r, c) -> nullable(r, r.getBoolean(c))));
    all.add(new Family("c_bit1", "BIT_TO_BOOLEAN", "bit(1)", "boolean", gen(Arbitraries.of(false, true)),
        (s, i, v) -> s.setBoolean(i, (Boolean) v), v -> v, (r, c) -> nullable(r, r.getBoolean(c))));
    all.add(new Family("c_bit16", "BIT_TO_INTEGER", "bit(16)", "integer", gen(Arbitraries.integers().between(0, 65535)),
        (s, i, v) -> s.setInt(i, (Integer) v), v -> v, (r, c) -> nullable(r, r.getInt(c))));
    all.add(new Family("c_bit12", "BIT_TO_BIT", "bit(12)", "bit(12)", gen(Arbitraries.integers().between(0, 4095)),
        (s, i, v) -> s.setInt(i, (Integer) v),
        v -> String.format("%12s", Integer.toBinaryString((Integer) v)).replace(' ', '0'), ResultSet::getString));
    BigDecimal limit = new BigDecimal("99999999999999999999.9999999999");
    all.add(new Family("c_decimal", "DECIMAL_TO_NUMERIC", "decimal(30,10)", "numeric(30,10)",
        gen(Arbitraries.bigDecimals().between(limit.negate(), limit).ofScale(10)),
        (s, i, v) -> s.setBigDecimal(i, (BigDecimal) v), v -> v, ResultSet::getBigDecimal));
    all.add(new Family("c_double", "FLOAT_TO_FLOAT", "double", "double precision", gen(Arbitraries.doubles()),
        (s, i, v) -> s.setDouble(i, (Double) v), v -> v, (r, c) -> nullable(r, r.getDouble(c))));
    all.add(new Family("c_float", "FLOAT_TO_FLOAT", "float", "real", gen(Arbitraries.floats()),
        (s, i, v) -> s.setFloat(i, (Float) v), v -> v, (r, c) -> nullable(r, r.getFloat(c))));
    all.add(new Family("c_text", "TEXT_TO_TEXT", "longtext", "text", gen(text(0, 60)),
        (s, i, v) -> s.setString(i, (String) v), v -> v, ResultSet::getString));
    all.add(new Family("c_varchar", "TEXT_TO_TEXT", "varchar(40)", "varchar(40)", gen(text(0, 40)),
        (s, i, v) -> s.setString(i, (String) v), v -> v, ResultSet::getString));
    all.add(new Family("c_uuid", "TEXT_TO_UUID", "char(36)", "uuid",
        gen(Arbitraries.randomValue(random -> {
          String uuid = new UUID(random.nextLong(), random.nextLong()).toString();
          return random.nextBoolean() ? uuid : uuid.toUpperCase(Locale.ROOT);
        })),
        (s, i, v) -> s.setString(i, (String) v), v -> UUID.fromString((String) v),
        (r, c) -> r.getObject(c, UUID.class)));
    all.add(new Family("c_json_text", "TEXT_TO_JSON", "longtext", "json", gen(jsonText()),
        (s, i, v) -> s.setString(i, (String) v), v -> v, ResultSet::getString));
    all.add(new Family("c_text_enum", "TEXT_TO_ENUM", "varchar(16)", "mood", gen(Arbitraries.of(LABELS)),
        (s, i, v) -> s.setString(i, (String) v), v -> v, ResultSet::getString));
    all.add(new Family("c_json", "JSON_TO_JSON", "json", "jsonb", gen(json()),
        (s, i, v) -> s.setString(i, v.toString()), v -> v, RoundTripProperty::readJson));
    all.add(new Family("c_json_as_text", "JSON_TO_TEXT", "json", "text", gen(json()),
        (s, i, v) -> s.setString(i, v.toString()), v -> v, RoundTripProperty::readJson));
    Arbitrary<LocalDateTime> dateTimes = microsBetween(LocalDateTime.of(1000, 1, 1, 0, 0),
        LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000)).map(micros -> LocalDateTime.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L), (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC));
    all.add(new Family("c_datetime", "DATETIME_TO_TIMESTAMP", "datetime(6)", "timestamp(6)", gen(dateTimes),
        (s, i, v) -> s.setString(i, MYSQL_DATETIME.format((LocalDateTime) v)), v -> v,
        (r, c) -> r.getObject(c, LocalDateTime.class)));
    // MySQL's TIMESTAMP spans 1970-01-01 00:00:01 to 2038-01-19 03:14:07 UTC.
    all.add(new Family("c_timestamp", "DATETIME_TO_TIMESTAMPTZ", "timestamp(6) NULL", "timestamptz(6)",
        gen(Arbitraries.longs().between(1_000_000L, 2_147_483_647_000_000L)
            .map(micros -> Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1000L))),
        (s, i, v) -> s.setString(i, MYSQL_DATETIME.format(LocalDateTime.ofInstant((Instant) v, ZoneOffset.UTC))),
        v -> v, RoundTripProperty::readInstant));
    all.add(new Family("c_datetime_tz", "DATETIME_TO_TIMESTAMPTZ", "datetime(6)", "timestamptz(6)", gen(dateTimes),
        (s, i, v) -> s.setString(i, MYSQL_DATETIME.format((LocalDateTime) v)),
        v -> ((LocalDateTime) v).toInstant(ZoneOffset.UTC), RoundTripProperty::readInstant));
    all.add(new Family("c_date", "DATE_TO_DATE", "date", "date",
        gen(Arbitraries.longs().between(LocalDate.of(1000, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
            .map(LocalDate::ofEpochDay)),
        (s, i, v) -> s.setString(i, v.toString()), v -> v, (r, c) -> r.getObject(c, LocalDate.class)));
    all.add(new Family("c_time", "TIME_TO_TIME", "time(6)", "time(6)",
        gen(Arbitraries.longs().between(0, 86_400_000_000L - 1).map(micros -> LocalTime.ofNanoOfDay(micros * 1000L))),
        (s, i, v) -> s.setString(i, MYSQL_TIME.format((LocalTime) v)), v -> v, (r, c) -> r.getObject(c, LocalTime.class)));
    all.add(new Family("c_year", "YEAR_TO_INTEGER", "year", "smallint", gen(Arbitraries.integers().between(1901, 2155)),
        (s, i, v) -> s.setInt(i, (Integer) v), v -> v, (r, c) -> nullable(r, r.getInt(c))));
    all.add(new Family("c_enum", "ENUM_TO_ENUM", "enum(" + MYSQL_LABELS + ")", "mood", gen(Arbitraries.of(LABELS)),
        (s, i, v) -> s.setString(i, (String) v), v -> v, ResultSet::getString));
    all.add(new Family("c_enum_text", "ENUM_TO_TEXT", "enum(" + MYSQL_LABELS + ")", "text", gen(Arbitraries.of(LABELS)),
        (s, i, v) -> s.setString(i, (String) v), v -> v, ResultSet::getString));
    all.add(new Family("c_blob", "BINARY_TO_BYTEA", "longblob", "bytea",
        gen(Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(200)),
        (s, i, v) -> s.setBytes(i, (byte[]) v), v -> v, ResultSet::getBytes));
    all.add(new Family("c_binary16", "BINARY_TO_UUID", "binary(16)", "uuid",
        gen(Arbitraries.bytes().array(byte[].class).ofSize(16)), (s, i, v) -> s.setBytes(i, (byte[]) v), v -> {
          ByteBuffer bytes = ByteBuffer.wrap((byte[]) v);
          return new UUID(bytes.getLong(), bytes.getLong());
        }, (r, c) -> r.getObject(c, UUID.class)));
    return List.copyOf(all);
  }

  private static Arbitrary<Long> microsBetween(LocalDateTime first, LocalDateTime last) {
    return Arbitraries.longs().between(micros(first), micros(last));
  }

  private static long micros(LocalDateTime at) {
    return at.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + at.getNano() / 1000;
  }

  private static Object readInstant(ResultSet rows, String column) throws SQLException {
    OffsetDateTime at = rows.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  private static <T> RandomGenerator<T> gen(Arbitrary<T> arbitrary) {
    return arbitrary.generatorWithEmbeddedEdgeCases(GEN_SIZE);
  }

  private static Object nullable(ResultSet rows, Object value) throws SQLException {
    return rows.wasNull() ? null : value;
  }

  private static Object readJson(ResultSet rows, String column) throws SQLException {
    String text = rows.getString(column);
    try {
      return text == null ? null : JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL gave back " + column + " that is not JSON: " + text, e);
    }
  }

  /** Code point ranges with their weights: ASCII, C0 and C1 controls (NUL aside), combining marks, the BMP, the supplementary planes. */
  private static final int[][] CODE_POINTS = {
      {6, 0x20, 0x7e}, {1, 0x01, 0x1f}, {1, 0x7f, 0x9f}, {1, 0x300, 0x36f}, {2, 0xa0, 0xd7ff}, {1, 0xe000, 0xfffd},
      {2, 0x10000, 0x10ffff}};
  private static final int CODE_POINT_WEIGHT = Arrays.stream(CODE_POINTS).mapToInt(range -> range[0]).sum();
  private static final List<String> AWKWARD = List.of("", "\\N", "NULL", "\"", "\\", "\r\n", " ", "a,b", "\\x00");

  /**
   * Text of {@code min} to {@code max} code points from everywhere Unicode has characters: ASCII,
   * C0 and C1 controls (NUL aside: PostgreSQL text cannot hold it, a policy decides), combining
   * marks, the BMP and the supplementary planes (4-byte UTF-8), and, one time in twenty, a text CSV
   * or COPY could confuse with NULL or a delimiter. (Drawn directly: jqwik's list-of-characters
   * generator costs milliseconds a value, too slow for a million.)
   */
  private static Arbitrary<String> text(int min, int max) {
    return Arbitraries.randomValue(random -> text(random, min, max));
  }

  private static String text(Random random, int min, int max) {
    if (random.nextInt(20) == 0) {
      return AWKWARD.get(random.nextInt(AWKWARD.size()));
    }
    int length = min + random.nextInt(max - min + 1);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int pick = random.nextInt(CODE_POINT_WEIGHT);
      for (int[] range : CODE_POINTS) {
        if (pick < range[0]) {
          text.appendCodePoint(range[1] + random.nextInt(range[2] - range[1] + 1));
          break;
        }
        pick -= range[0];
      }
    }
    return text.toString();
  }

  /** JSON values up to three levels deep: objects and arrays of any-character strings, integers, decimals, literals. */
  private static Arbitrary<JsonNode> json() {
    return Arbitraries.randomValue(random -> json(random, 3));
  }

  private static JsonNode json(Random random, int depth) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (depth == 0 ? random.nextInt(4) : random.nextInt(6)) {
      case 0:
        return nodes.textNode(text(random, 0, 12));
      case 1:
        long[] extremes = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1};
        return nodes.numberNode(random.nextInt(10) == 0 ? extremes[random.nextInt(extremes.length)] : random.nextLong());
      case 2:
        // MySQL parses a JSON number with a fraction into a double, exactly only on the fast path (15
        // significant digits, a small exponent): beyond it MySQL itself changes the value on INSERT.
        return nodes.numberNode(BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000_000L, 1 + random.nextInt(15)));
      case 3:
        return random.nextInt(3) == 0 ? nodes.nullNode() : nodes.booleanNode(random.nextBoolean());
      case 4: {
        ArrayNode array = nodes.arrayNode();
        for (int i = random.nextInt(5); i > 0; i--) {
          array.add(json(random, depth - 1));
        }
        return array;
      }
      default: {
        ObjectNode object = nodes.objectNode();
        for (int i = random.nextInt(5); i > 0; i--) {
          object.set(text(random, 0, 8), json(random, depth - 1));
        }
        return object;
      }
    }
  }

  /** JSON documents as text with the writer's own spacing, which a json column keeps exactly. */
  private static Arbitrary<String> jsonText() {
    return Combinators.combine(json(), Arbitraries.of(false, true))
        .as((tree, pretty) -> pretty ? tree.toPrettyString() : tree.toString());
  }

  /** {@code bench/round-trip.sh ROWS [SEED]}: the property at benchmark size; prints values per family and differences. */
  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261202L;
    Path work = Files.createTempDirectory("converge-round-trip");
    long started = System.nanoTime();
    Result result = new RoundTripProperty().run(seed, rows, EmbeddedServers.mySql(), EmbeddedServers.postgres(), work);
    System.out.printf(Locale.ROOT, "round trip: seed %d, %,d rows, %.1f s (servers started, rows generated and"
        + " written %.1f s, converge migrate %.1f s, compared %.1f s)%n", seed, rows, (System.nanoTime() - started) / 1e9,
        result.writeSeconds(), result.migrateSeconds(), result.compareSeconds());
    result.valuesPerKind().forEach((family, count) -> System.out.printf(Locale.ROOT, "  %-40s %,12d values%n", family,
        count));
    System.out.printf(Locale.ROOT, "differences: %,d%n", result.differences().size());
    result.differences().stream().limit(20).forEach(difference -> System.out.println("  " + difference));
    System.exit(result.differences().isEmpty() ? 0 : 1);
  }
}
