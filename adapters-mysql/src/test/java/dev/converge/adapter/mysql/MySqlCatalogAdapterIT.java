package dev.converge.adapter.mysql;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.adapter.embedded.mysql.EmbeddedMySqlServer;
import dev.converge.adapter.embedded.mysql.MySqlFlavor;
import dev.converge.application.connection.DatabaseEndpoint;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.schema.ForeignKey;
import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.SourceSchema;
import dev.converge.domain.schema.SourceTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MySqlCatalogAdapterIT {

  private static final String TABLE_OPTIONS = " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";

  /** One schema with every type family and key shape the plan cares about; read once per flavor. */
  private static final List<String> CATALOG_DDL = List.of(
      """
      CREATE TABLE type_zoo (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        tinyBare TINYINT,
        tinyFlag TINYINT(1) NOT NULL DEFAULT 0,
        smallSigned SMALLINT,
        smallUnsigned SMALLINT UNSIGNED,
        intSigned INT,
        intUnsigned INT UNSIGNED,
        bigSigned BIGINT NOT NULL DEFAULT -1,
        amount DECIMAL(10,2),
        ratio FLOAT,
        measure DOUBLE,
        flag BIT(1),
        uuid CHAR(36) CHARACTER SET ascii COLLATE ascii_general_ci,
        title VARCHAR(255) COLLATE utf8mb4_bin,
        body TEXT,
        mediumBody MEDIUMTEXT,
        longBody LONGTEXT,
        document JSON,
        created DATETIME,
        createdMicros DATETIME(6),
        stamped TIMESTAMP NULL DEFAULT NULL,
        birthday DATE,
        alarm TIME,
        vintage YEAR,
        mood ENUM('happy, really', 'it''s fine', 'back\\\\slash', 'Grüße 東京', ' leading', 'a)b') DEFAULT 'it''s fine',
        signedness ENUM('signed', 'not unsigned'),
        tags SET('red', 'green', 'blue'),
        picture BLOB,
        movie MEDIUMBLOB,
        digest BINARY(16),
        token VARBINARY(64)
      )""" + TABLE_OPTIONS,
      """
      CREATE TABLE order_line (
        orderId INT NOT NULL,
        lineNumber SMALLINT NOT NULL,
        quantity INT NOT NULL,
        unitPrice DECIMAL(10,2) NOT NULL,
        lineTotal DECIMAL(12,2) AS (quantity * unitPrice) VIRTUAL,
        lineTotalStored DECIMAL(12,2) AS (quantity * unitPrice) STORED,
        createdDate DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
        updatedDate DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
        rowId INT NOT NULL AUTO_INCREMENT,
        PRIMARY KEY (orderId, lineNumber),
        UNIQUE KEY uq_order_line_row (rowId)
      )""" + TABLE_OPTIONS,
      """
      CREATE TABLE line_note (
        id INT PRIMARY KEY,
        noteOrder INT NOT NULL,
        noteLine SMALLINT NOT NULL,
        CONSTRAINT fk_note_order_line FOREIGN KEY (noteOrder, noteLine) REFERENCES order_line (orderId, lineNumber)
      )""" + TABLE_OPTIONS,
      """
      CREATE TABLE category (
        id INT PRIMARY KEY,
        parentId INT,
        CONSTRAINT fk_category_parent FOREIGN KEY (parentId) REFERENCES category (id)
      )""" + TABLE_OPTIONS,
      """
      CREATE TABLE `user` (
        id CHAR(36) NOT NULL PRIMARY KEY,
        createdDate DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
        favouriteCacheId INT
      )""" + TABLE_OPTIONS,
      """
      CREATE TABLE `query-result-cache` (
        id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        ownerId CHAR(36),
        queryHash VARCHAR(64) NOT NULL,
        `query` TEXT,
        `duration` INT,
        UNIQUE KEY uq_cache_query_owner (queryHash, ownerId),
        CONSTRAINT `FK_cache-owner` FOREIGN KEY (ownerId) REFERENCES `user` (id)
      )""" + TABLE_OPTIONS,
      // The second edge of the cycle can only exist once both tables do.
      "ALTER TABLE `user` ADD CONSTRAINT fk_user_favourite_cache FOREIGN KEY (favouriteCacheId)"
          + " REFERENCES `query-result-cache` (id)",
      // Linux servers (lower_case_table_names = 0) keep `User` and `user` apart.
      "CREATE TABLE `User` (id INT PRIMARY KEY, shout VARCHAR(10))" + TABLE_OPTIONS,
      """
      CREATE TABLE audit_entry (
        code VARCHAR(20) NOT NULL,
        note TEXT,
        UNIQUE KEY uq_audit_code (code)
      )""" + TABLE_OPTIONS,
      "CREATE VIEW big_order_line AS SELECT orderId, lineNumber FROM order_line WHERE quantity > 10");

  private static final Map<MySqlFlavor, SourceSchema> CATALOGS = new EnumMap<>(MySqlFlavor.class);

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void everyBaseTableIsReadInNameOrderAndTheViewIsLeftOut(MySqlFlavor flavor) {
    assertEquals(
        List.of("User", "audit_entry", "category", "line_note", "order_line", "query-result-cache", "type_zoo", "user"),
        catalog(flavor).tables().stream().map(SourceTable::name).toList());
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void everyColumnOfEveryTypeFamilyIsReadExactly(MySqlFlavor flavor) {
    assertColumns(expectedTypeZoo(flavor), table(flavor, "type_zoo").columns());
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void aBareTinyintStaysDistinguishableFromATinyint1(MySqlFlavor flavor) {
    SourceTable zoo = table(flavor, "type_zoo");
    // MySQL 8.0.19+ prints no display width for a bare tinyint; MariaDB prints its default width 4.
    assertEquals(flavor == MySqlFlavor.MYSQL_8_0 ? "tinyint" : "tinyint(4)", column(zoo, "tinyBare").columnType());
    assertEquals("tinyint(1)", column(zoo, "tinyFlag").columnType());
    assertEquals("tinyint", column(zoo, "tinyFlag").dataType());
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void enumLabelsKeepCommasQuotesBackslashesParenthesesSpacesAndUnicode(MySqlFlavor flavor) {
    SourceTable zoo = table(flavor, "type_zoo");
    assertEquals(List.of("happy, really", "it's fine", "back\\slash", "Grüße 東京", " leading", "a)b"),
        column(zoo, "mood").enumValues());
    assertEquals(List.of("red", "green", "blue"), column(zoo, "tags").enumValues());
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void aLabelThatSaysUnsignedDoesNotMakeAnEnumUnsigned(MySqlFlavor flavor) {
    SourceColumn signedness = column(table(flavor, "type_zoo"), "signedness");
    assertEquals(List.of("signed", "not unsigned"), signedness.enumValues());
    assertFalse(signedness.unsigned());
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void aFourByteCharacterInAnEnumLabelReadsAsAQuestionMarkBecauseTheCatalogIsUtf8mb3(MySqlFlavor flavor)
      throws SQLException {
    // The server keeps the label intact (a row can hold it), but information_schema and SHOW CREATE
    // TABLE print it through utf8mb3; the planner sees '?' and must not mistake it for the label.
    String database = freshDatabase(flavor, "CREATE TABLE mood (face ENUM('🙂', 'plain'))" + TABLE_OPTIONS);
    assertEquals(List.of("?", "plain"), column(read(flavor, database).table("mood").orElseThrow(), "face").enumValues());
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void virtualAndStoredColumnsAreGeneratedButADefaultCurrentTimestampColumnIsNot(MySqlFlavor flavor) {
    SourceTable line = table(flavor, "order_line");
    assertTrue(column(line, "lineTotal").generated());
    assertTrue(column(line, "lineTotalStored").generated());
    assertFalse(column(line, "createdDate").generated());
    assertFalse(column(line, "updatedDate").generated());
    assertEquals(expectedOrderLine(flavor), line.columns());
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void anAutoIncrementColumnOutsideThePrimaryKeyIsFlaggedAndItsUniqueKeyListed(MySqlFlavor flavor) {
    SourceTable line = table(flavor, "order_line");
    assertTrue(column(line, "rowId").autoIncrement());
    assertFalse(column(line, "orderId").autoIncrement());
    assertEquals(List.of(List.of("rowId")), line.uniqueKeys());
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void aCompositePrimaryKeyKeepsItsColumnOrder(MySqlFlavor flavor) {
    // Key order, not name order: lineNumber sorts before orderId.
    assertEquals(List.of("orderId", "lineNumber"), table(flavor, "order_line").primaryKey());
    assertEquals(List.of("id"), table(flavor, "type_zoo").primaryKey());
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void aMultiColumnUniqueKeyKeepsItsColumnOrderAndLeavesThePrimaryKeyOut(MySqlFlavor flavor) {
    SourceTable cache = table(flavor, "query-result-cache");
    assertEquals(List.of(List.of("queryHash", "ownerId")), cache.uniqueKeys());
    assertEquals(List.of("id"), cache.primaryKey());
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void aTableWithoutPrimaryKeyReportsNoneEvenWhenANotNullUniqueKeyStandsIn(MySqlFlavor flavor) {
    SourceTable audit = table(flavor, "audit_entry");
    assertEquals(List.of(), audit.primaryKey());
    assertEquals(List.of(List.of("code")), audit.uniqueKeys());
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void aSelfReferencingForeignKeyPointsAtItsOwnTable(MySqlFlavor flavor) {
    assertEquals(List.of(new ForeignKey("fk_category_parent", List.of("parentId"), "category", List.of("id"))),
        table(flavor, "category").foreignKeys());
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void bothForeignKeysOfATwoTableCycleAreRead(MySqlFlavor flavor) {
    assertEquals(List.of(new ForeignKey("FK_cache-owner", List.of("ownerId"), "user", List.of("id"))),
        table(flavor, "query-result-cache").foreignKeys());
    assertEquals(
        List.of(new ForeignKey("fk_user_favourite_cache", List.of("favouriteCacheId"), "query-result-cache", List.of("id"))),
        table(flavor, "user").foreignKeys());
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void aCompositeForeignKeyPairsItsColumnsInDeclarationOrder(MySqlFlavor flavor) {
    // Declaration order differs from name order on both sides, so a sort by name would mispair them.
    assertEquals(
        List.of(new ForeignKey("fk_note_order_line", List.of("noteOrder", "noteLine"), "order_line",
            List.of("orderId", "lineNumber"))),
        table(flavor, "line_note").foreignKeys());
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void reservedWordsHyphensAndCamelCaseNamesAreReadVerbatim(MySqlFlavor flavor) {
    assertEquals(List.of("id", "createdDate", "favouriteCacheId"), columnNames(table(flavor, "user")));
    assertEquals(List.of("id", "ownerId", "queryHash", "query", "duration"),
        columnNames(table(flavor, "query-result-cache")));
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void tablesWhoseNamesDifferOnlyInCaseKeepTheirOwnColumnsAndKeys(MySqlFlavor flavor) {
    SourceTable shouting = table(flavor, "User");
    assertEquals(List.of("id", "shout"), columnNames(shouting));
    assertEquals(List.of(), shouting.foreignKeys());
    assertEquals(1, table(flavor, "user").foreignKeys().size());
    assertEquals("char(36)", column(table(flavor, "user"), "id").columnType());
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void aDatabaseWhoseNameDiffersOnlyInCaseStaysOutOfTheSchema(MySqlFlavor flavor) throws SQLException {
    String database = freshDatabase(flavor, "CREATE TABLE own (id INT PRIMARY KEY)");
    String twin = database.toUpperCase(java.util.Locale.ROOT);
    execute(flavor, database, "CREATE DATABASE `" + twin + "`", "CREATE TABLE `" + twin + "`.intruder (id INT PRIMARY KEY)",
        "CREATE TABLE `" + twin + "`.own (id INT PRIMARY KEY, extra INT)");
    SourceSchema schema = read(flavor, database);
    assertEquals(List.of("own"), schema.tables().stream().map(SourceTable::name).toList());
    assertEquals(List.of("id"), columnNames(schema.table("own").orElseThrow()));
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void theRowEstimateIsFreshEvenAfterAnAnalyzeCachedAnOlderOne(MySqlFlavor flavor) throws SQLException {
    String database = freshDatabase(flavor, "CREATE TABLE counted (id INT PRIMARY KEY)",
        "INSERT INTO counted VALUES (1), (2), (3), (4), (5)", "ANALYZE TABLE counted");
    // MySQL 8 now holds 5 in its statistics cache, valid for a day by default.
    assertEquals(5, read(flavor, database).table("counted").orElseThrow().estimatedRows());
    execute(flavor, database, "INSERT INTO counted VALUES (6), (7), (8), (9), (10), (11), (12)");
    assertEquals(12, read(flavor, database).table("counted").orElseThrow().estimatedRows());
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void theServerVersionIsWhatTheServerReports(MySqlFlavor flavor) {
    SourceSchema schema = catalog(flavor);
    assertEquals(SharedMySqlServers.of(flavor).version(), schema.serverVersion());
    assertEquals(catalogDatabase(flavor), schema.database());
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void theAdapterNeedsOnlySelectOnAReadOnlySession(MySqlFlavor flavor) throws SQLException {
    String database = catalogDatabase(flavor);
    String reader = "reader_" + database;
    execute(flavor, database, "CREATE USER '" + reader + "'@'%' IDENTIFIED BY 'reader-secret'",
        "GRANT SELECT ON `" + database + "`.* TO '" + reader + "'@'%'");
    DatabaseEndpoint admin = SharedMySqlServers.of(flavor).endpoint(database);
    DatabaseEndpoint readerEndpoint = new DatabaseEndpoint(admin.host(), admin.port(), database, reader, "reader-secret");
    try (HikariDataSource pool = MySqlDataSourceFactory.readOnlySource(readerEndpoint, 1)) {
      try (Connection connection = pool.getConnection();
          Statement statement = connection.createStatement();
          ResultSet readOnly = statement.executeQuery("SELECT @@session.transaction_read_only")) {
        readOnly.next();
        assertEquals(1, readOnly.getInt(1));
      }
      assertEquals(catalog(flavor), new MySqlCatalogAdapter(pool, database).readSourceSchema());
    }
  }

  @ParameterizedTest
  @EnumSource(value = MySqlFlavor.class, names = "MYSQL_8_0")
  void theStatisticsSettingIsPutBackBeforeThePoolLendsTheConnectionAgain(MySqlFlavor flavor) throws SQLException {
    String database = catalogDatabase(flavor);
    try (HikariDataSource pool = MySqlDataSourceFactory.readOnlySource(endpoint(flavor, database), 1)) {
      new MySqlCatalogAdapter(pool, database).readSourceSchema();
      try (Connection connection = pool.getConnection();
          Statement statement = connection.createStatement();
          ResultSet expiry = statement.executeQuery(
              "SELECT @@session.information_schema_stats_expiry = @@global.information_schema_stats_expiry")) {
        expiry.next();
        assertEquals(1, expiry.getInt(1));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = MySqlFlavor.class, names = "MYSQL_8_0")
  void aFunctionalUniqueIndexIsNoUniqueKeyOfColumns(MySqlFlavor flavor) throws SQLException {
    String database = freshDatabase(flavor,
        "CREATE TABLE account (id INT PRIMARY KEY, email VARCHAR(100), UNIQUE KEY uq_email_lower ((LOWER(email))))");
    SourceTable account = read(flavor, database).table("account").orElseThrow();
    assertEquals(List.of(), account.uniqueKeys());
    assertEquals(List.of("id"), account.primaryKey());
  }

  @ParameterizedTest
  @EnumSource(value = MySqlFlavor.class, names = "MARIADB_11_4")
  void aSystemVersionedTableIsReadAsABaseTableWithoutItsHiddenPeriodColumns(MySqlFlavor flavor) throws SQLException {
    String database = freshDatabase(flavor, "CREATE TABLE price (id INT PRIMARY KEY, amount INT) WITH SYSTEM VERSIONING");
    SourceTable price = read(flavor, database).table("price").orElseThrow();
    assertEquals(List.of("id", "amount"), columnNames(price));
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void anUnknownDatabaseIsAConfigurationErrorThatNamesIt(MySqlFlavor flavor) {
    String database = catalogDatabase(flavor);
    try (HikariDataSource pool = MySqlDataSourceFactory.readOnlySource(endpoint(flavor, database), 1)) {
      ConvergeException failure = assertThrows(ConvergeException.class,
          () -> new MySqlCatalogAdapter(pool, database.toUpperCase(java.util.Locale.ROOT)).readSourceSchema());
      assertEquals(ErrorCode.CONFIGURATION, failure.code());
      assertTrue(failure.getMessage().contains(database.toUpperCase(java.util.Locale.ROOT)), failure.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(MySqlFlavor.class)
  void aPoolThatCannotLendAConnectionIsAConnectionErrorThatNamesTheDatabase(MySqlFlavor flavor) {
    String database = catalogDatabase(flavor);
    HikariDataSource pool = MySqlDataSourceFactory.readOnlySource(endpoint(flavor, database), 1);
    pool.close();
    ConvergeException failure = assertThrows(ConvergeException.class,
        () -> new MySqlCatalogAdapter(pool, database).readSourceSchema());
    assertEquals(ErrorCode.CONNECTION, failure.code());
    assertTrue(failure.getMessage().contains(database), failure.getMessage());
  }

  private static List<SourceColumn> expectedTypeZoo(MySqlFlavor flavor) {
    boolean mysql = flavor == MySqlFlavor.MYSQL_8_0;
    Function<String, String> width = type -> mysql ? type.replaceAll("\\(\\d+\\)", "") : type;
    String text = "utf8mb4_unicode_ci";
    List<SourceColumn> columns = new ArrayList<>();
    columns.add(number(1, "id", "bigint", width.apply("bigint(20) unsigned"), false, 20, 0, true, true));
    columns.add(number(2, "tinyBare", "tinyint", width.apply("tinyint(4)"), true, 3, 0, false, false));
    columns.add(number(3, "tinyFlag", "tinyint", "tinyint(1)", false, 3, 0, false, false));
    columns.add(number(4, "smallSigned", "smallint", width.apply("smallint(6)"), true, 5, 0, false, false));
    columns.add(number(5, "smallUnsigned", "smallint", width.apply("smallint(5) unsigned"), true, 5, 0, true, false));
    columns.add(number(6, "intSigned", "int", width.apply("int(11)"), true, 10, 0, false, false));
    columns.add(number(7, "intUnsigned", "int", width.apply("int(10) unsigned"), true, 10, 0, true, false));
    columns.add(number(8, "bigSigned", "bigint", width.apply("bigint(20)"), false, 19, 0, false, false));
    columns.add(number(9, "amount", "decimal", "decimal(10,2)", true, 10, 2, false, false));
    columns.add(number(10, "ratio", "float", "float", true, 12, null, false, false));
    columns.add(number(11, "measure", "double", "double", true, 22, null, false, false));
    columns.add(number(12, "flag", "bit", "bit(1)", true, 1, null, false, false));
    columns.add(characters(13, "uuid", "char", "char(36)", 36L, "ascii_general_ci"));
    columns.add(characters(14, "title", "varchar", "varchar(255)", 255L, "utf8mb4_bin"));
    columns.add(characters(15, "body", "text", "text", 65_535L, text));
    columns.add(characters(16, "mediumBody", "mediumtext", "mediumtext", 16_777_215L, text));
    columns.add(characters(17, "longBody", "longtext", "longtext", 4_294_967_295L, text));
    // MariaDB's JSON is an alias: a longtext with utf8mb4_bin and a json_valid() CHECK.
    columns.add(mysql
        ? new SourceColumn("document", 18, "json", "json", true, null, null, null, null, false, false, false, null, List.of())
        : characters(18, "document", "longtext", "longtext", 4_294_967_295L, "utf8mb4_bin"));
    columns.add(temporal(19, "created", "datetime", "datetime", 0));
    columns.add(temporal(20, "createdMicros", "datetime", "datetime(6)", 6));
    columns.add(temporal(21, "stamped", "timestamp", "timestamp", 0));
    columns.add(temporal(22, "birthday", "date", "date", null));
    columns.add(temporal(23, "alarm", "time", "time", 0));
    columns.add(temporal(24, "vintage", "year", width.apply("year(4)"), null));
    columns.add(new SourceColumn("mood", 25, "enum",
        "enum('happy, really','it''s fine','back\\\\slash','grüße 東京',' leading','a)b')", true, 13L, null, null, null,
        false, false, false, text, List.of("happy, really", "it's fine", "back\\slash", "Grüße 東京", " leading", "a)b")));
    columns.add(new SourceColumn("signedness", 26, "enum", "enum('signed','not unsigned')", true, 12L, null, null, null,
        false, false, false, text, List.of("signed", "not unsigned")));
    columns.add(new SourceColumn("tags", 27, "set", "set('red','green','blue')", true, 14L, null, null, null,
        false, false, false, text, List.of("red", "green", "blue")));
    columns.add(binary(28, "picture", "blob", "blob", 65_535L));
    columns.add(binary(29, "movie", "mediumblob", "mediumblob", 16_777_215L));
    columns.add(binary(30, "digest", "binary", "binary(16)", 16L));
    columns.add(binary(31, "token", "varbinary", "varbinary(64)", 64L));
    return columns;
  }

  private static List<SourceColumn> expectedOrderLine(MySqlFlavor flavor) {
    boolean mysql = flavor == MySqlFlavor.MYSQL_8_0;
    return List.of(
        number(1, "orderId", "int", mysql ? "int" : "int(11)", false, 10, 0, false, false),
        number(2, "lineNumber", "smallint", mysql ? "smallint" : "smallint(6)", false, 5, 0, false, false),
        number(3, "quantity", "int", mysql ? "int" : "int(11)", false, 10, 0, false, false),
        number(4, "unitPrice", "decimal", "decimal(10,2)", false, 10, 2, false, false),
        new SourceColumn("lineTotal", 5, "decimal", "decimal(12,2)", true, null, 12, 2, null, false, true, false, null,
            List.of()),
        new SourceColumn("lineTotalStored", 6, "decimal", "decimal(12,2)", true, null, 12, 2, null, false, true, false,
            null, List.of()),
        new SourceColumn("createdDate", 7, "datetime", "datetime(6)", false, null, null, null, 6, false, false, false,
            null, List.of()),
        new SourceColumn("updatedDate", 8, "datetime", "datetime(6)", false, null, null, null, 6, false, false, false,
            null, List.of()),
        number(9, "rowId", "int", mysql ? "int" : "int(11)", false, 10, 0, false, true));
  }

  private static SourceColumn number(int position, String name, String dataType, String columnType, boolean nullable,
      Integer precision, Integer scale, boolean unsigned, boolean autoIncrement) {
    return new SourceColumn(name, position, dataType, columnType, nullable, null, precision, scale, null, unsigned,
        false, autoIncrement, null, List.of());
  }

  private static SourceColumn characters(int position, String name, String dataType, String columnType, Long maxLength,
      String collation) {
    return new SourceColumn(name, position, dataType, columnType, true, maxLength, null, null, null, false, false, false,
        collation, List.of());
  }

  private static SourceColumn temporal(int position, String name, String dataType, String columnType,
      Integer fractionalDigits) {
    return new SourceColumn(name, position, dataType, columnType, true, null, null, null, fractionalDigits, false, false,
        false, null, List.of());
  }

  private static SourceColumn binary(int position, String name, String dataType, String columnType, Long maxLength) {
    return new SourceColumn(name, position, dataType, columnType, true, maxLength, null, null, null, false, false, false,
        null, List.of());
  }

  /** One assertion per column, so that a failure names every column that differs. */
  private static void assertColumns(List<SourceColumn> expected, List<SourceColumn> actual) {
    List<Executable> checks = new ArrayList<>();
    checks.add(() -> assertEquals(expected.stream().map(SourceColumn::name).toList(),
        actual.stream().map(SourceColumn::name).toList()));
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      SourceColumn want = expected.get(i);
      SourceColumn got = actual.get(i);
      checks.add(() -> assertEquals(want, got, want.name()));
    }
    assertAll(checks);
  }

  private static synchronized SourceSchema catalog(MySqlFlavor flavor) {
    return CATALOGS.computeIfAbsent(flavor, key -> {
      try {
        String database = freshDatabase(key, CATALOG_DDL.toArray(String[]::new));
        return read(key, database);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create the catalog test schema on " + key, e);
      }
    });
  }

  private static String catalogDatabase(MySqlFlavor flavor) {
    return catalog(flavor).database();
  }

  private static SourceTable table(MySqlFlavor flavor, String name) {
    return catalog(flavor).table(name).orElseThrow(() -> new AssertionError("no table " + name));
  }

  private static SourceColumn column(SourceTable table, String name) {
    return table.column(name).orElseThrow(() -> new AssertionError("no column " + table.name() + "." + name));
  }

  private static List<String> columnNames(SourceTable table) {
    return table.columns().stream().map(SourceColumn::name).toList();
  }

  /** Reads {@code database} the way every phase does: through the read-only source pool. */
  private static SourceSchema read(MySqlFlavor flavor, String database) {
    try (HikariDataSource pool = MySqlDataSourceFactory.readOnlySource(endpoint(flavor, database), 1)) {
      return new MySqlCatalogAdapter(pool, database).readSourceSchema();
    }
  }

  private static String freshDatabase(MySqlFlavor flavor, String... statements) throws SQLException {
    String database = SharedMySqlServers.freshDatabase(flavor, "catalog");
    execute(flavor, database, statements);
    return database;
  }

  private static void execute(MySqlFlavor flavor, String database, String... statements) throws SQLException {
    try (HikariDataSource pool = MySqlDataSourceFactory.writable(endpoint(flavor, database), 1);
        Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static DatabaseEndpoint endpoint(MySqlFlavor flavor, String database) {
    EmbeddedMySqlServer server = SharedMySqlServers.of(flavor);
    return server.endpoint(database);
  }
}
