package dev.converge.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.postgres.connection.PostgresDataSourceFactory;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.schema.FoldedUniqueKey;
import dev.converge.domain.schema.ForeignKey;
import dev.converge.domain.schema.TargetColumn;
import dev.converge.domain.schema.TargetSchema;
import dev.converge.domain.schema.TargetTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresCatalogAdapterIT {

  private static final List<String> MOODS = List.of(
      "happy", "content", "sad", "angry", "calm", "bored", "excited", "tired", "proud", "it's complicated");

  // Shaped like the Alkemio (TypeORM) and Kratos targets: quoted camelCase, reserved and hyphenated
  // names, uuid keys beside a unique serial "rowId", FK cycles, and a seed of every type converge maps to.
  private static final List<String> DDL = List.of(
      "CREATE SCHEMA archive",
      "CREATE TABLE archive.ledger (id integer PRIMARY KEY)",
      "CREATE SCHEMA \"reportingData\"",

      "CREATE TYPE \"moodKind\" AS ENUM"
          + " ('happy', 'sad', 'angry', 'calm', 'bored', 'excited', 'tired', 'proud', 'it''s complicated')",
      // Added later and placed second: the labels must follow enumsortorder, not creation order.
      "ALTER TYPE \"moodKind\" ADD VALUE 'content' BEFORE 'sad'",
      "CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%')",
      "CREATE DOMAIN short_code AS varchar(8) NOT NULL DEFAULT 'none'",
      "CREATE DOMAIN \"tenantCode\" AS short_code",

      """
      CREATE TABLE type_sample (
        id serial PRIMARY KEY,
        small_value smallint NOT NULL,
        int_value integer,
        big_value bigint,
        price numeric(10,2) NOT NULL DEFAULT 0,
        ratio numeric,
        real_value real,
        double_value double precision,
        flag boolean NOT NULL DEFAULT false,
        external_id uuid,
        legacy_id varchar(36),
        note varchar,
        obsolete text,
        currency char(3),
        body text,
        "createdDate" timestamp NOT NULL DEFAULT now(),
        "updatedDate" timestamp(3),
        seen_at timestamptz,
        birthday date,
        alarm time,
        alarm_exact time(0),
        payload json,
        settings jsonb,
        content bytea,
        mood "moodKind",
        moods "moodKind"[],
        tags text[],
        contact email,
        code short_code,
        tenant "tenantCode",
        "tenantCodes" "tenantCode"[],
        rounded numeric(5,-2),
        pause interval(3),
        span interval day,
        "isActive" bit(1),
        mask varbit(64),
        "localTime" timetz(2),
        CONSTRAINT type_sample_price_check CHECK (price >= 0))
      """,
      "ALTER TABLE type_sample DROP COLUMN obsolete",

      """
      CREATE TABLE account (
        id uuid PRIMARY KEY,
        name varchar(255) NOT NULL,
        owner_space_id uuid,
        ledger_id integer REFERENCES archive.ledger (id),
        deleted_at timestamptz)
      """,
      "CREATE UNIQUE INDEX \"REL_account_owner_space\" ON account (owner_space_id)",
      "CREATE UNIQUE INDEX account_live_name ON account (name) WHERE deleted_at IS NULL",
      """
      CREATE TABLE space (
        id uuid PRIMARY KEY,
        "rowId" serial UNIQUE,
        "nameID" varchar(36) NOT NULL,
        account_id uuid NOT NULL REFERENCES account (id),
        parent_space_id uuid REFERENCES space (id),
        CONSTRAINT "UQ_space_account_nameID" UNIQUE (account_id, "nameID"))
      """,
      "CREATE UNIQUE INDEX space_name_id_covering ON space (\"nameID\") INCLUDE (account_id)",
      "ALTER TABLE account ADD CONSTRAINT \"FK_account_owner_space\" FOREIGN KEY (owner_space_id) REFERENCES space (id)",

      """
      CREATE TABLE "user" (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "limit" integer NOT NULL CHECK ("limit" >= 0),
        email varchar(255) NOT NULL,
        "emailDomain" text GENERATED ALWAYS AS (split_part(email, '@', 2)) STORED,
        CONSTRAINT "UQ_user_email" UNIQUE (email))
      """,
      "CREATE UNIQUE INDEX user_email_lower ON \"user\" (lower(email))",
      """
      CREATE TABLE space_member (
        space_id uuid NOT NULL REFERENCES space (id) ON DELETE CASCADE,
        user_id bigint NOT NULL REFERENCES "user" (id),
        role text NOT NULL DEFAULT 'member',
        PRIMARY KEY (user_id, space_id))
      """,
      """
      CREATE TABLE member_grant (
        id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        grantee_space uuid NOT NULL,
        grantee_user bigint NOT NULL,
        CONSTRAINT "FK_member_grant_member" FOREIGN KEY (grantee_space, grantee_user)
            REFERENCES space_member (space_id, user_id) DEFERRABLE INITIALLY DEFERRED)
      """,
      """
      CREATE TABLE "query-result-cache" (
        id serial PRIMARY KEY,
        identifier varchar(255),
        time bigint NOT NULL,
        duration integer NOT NULL,
        query text NOT NULL,
        result text NOT NULL)
      """,

      """
      CREATE TABLE audit_event (
        id bigint NOT NULL,
        occurred_at date NOT NULL,
        PRIMARY KEY (id, occurred_at))
      PARTITION BY RANGE (occurred_at)
      """,
      "CREATE TABLE audit_event_2024 PARTITION OF audit_event FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
      "CREATE TABLE audit_event_2025 PARTITION OF audit_event FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
      """
      CREATE TABLE audit_note (
        id integer PRIMARY KEY,
        event_id bigint NOT NULL,
        event_day date NOT NULL,
        CONSTRAINT audit_note_event_fkey FOREIGN KEY (event_id, event_day) REFERENCES audit_event (id, occurred_at))
      """,

      "CREATE VIEW active_user AS SELECT id, email FROM \"user\"",
      "CREATE MATERIALIZED VIEW user_count AS SELECT count(*) AS users FROM \"user\"",
      "CREATE SEQUENCE invoice_number",
      "CREATE TABLE \"reportingData\".\"Snapshot\" (\"snapshotId\" uuid PRIMARY KEY,"
          + " \"userId\" bigint REFERENCES public.\"user\" (id))");

  private static HikariDataSource pool;
  private static TargetSchema schema;

  @BeforeAll
  static void createTheTargetAndReadItsCatalog() throws SQLException {
    String database = SharedPostgresServer.freshDatabase("catalog");
    pool = PostgresDataSourceFactory.target(SharedPostgresServer.get().endpoint(database), 2);
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      for (String ddl : DDL) {
        statement.execute(ddl);
      }
    }
    schema = new PostgresCatalogAdapter(pool, "public").readTargetSchema();
  }

  @AfterAll
  static void closeThePool() {
    pool.close();
  }

  @Test
  void theSchemaListsItsOrdinaryAndPartitionedTablesByNameAndNoViewsPartitionsOrOtherSchemas() {
    assertEquals("public", schema.schema());
    assertEquals("17.5", schema.serverVersion());
    assertEquals(
        List.of("account", "audit_event", "audit_note", "member_grant", "query-result-cache", "space",
            "space_member", "type_sample", "user"),
        schema.tables().stream().map(TargetTable::name).toList());
  }

  @Test
  void everyTypeComesWithItsTypmodsNullabilityDefaultsEnumLabelsAndArrayness() {
    assertTable(
        new TargetTable("type_sample", List.of(
            column(1, "id", "int4", "integer").notNull().serial("public.type_sample_id_seq").build(),
            column(2, "small_value", "int2", "smallint").notNull().build(),
            column(3, "int_value", "int4", "integer").build(),
            column(4, "big_value", "int8", "bigint").build(),
            column(5, "price", "numeric", "numeric(10,2)").precision(10).scale(2).notNull().withDefault().build(),
            column(6, "ratio", "numeric", "numeric").build(),
            column(7, "real_value", "float4", "real").build(),
            column(8, "double_value", "float8", "double precision").build(),
            column(9, "flag", "bool", "boolean").notNull().withDefault().build(),
            column(10, "external_id", "uuid", "uuid").build(),
            column(11, "legacy_id", "varchar", "character varying(36)").length(36).build(),
            column(12, "note", "varchar", "character varying").build(),
            // "obsolete" was dropped between note and currency: no gap in the positions.
            column(13, "currency", "bpchar", "character(3)").length(3).build(),
            column(14, "body", "text", "text").build(),
            column(15, "createdDate", "timestamp", "timestamp without time zone").notNull().withDefault().build(),
            column(16, "updatedDate", "timestamp", "timestamp(3) without time zone").precision(3).build(),
            column(17, "seen_at", "timestamptz", "timestamp with time zone").build(),
            column(18, "birthday", "date", "date").build(),
            column(19, "alarm", "time", "time without time zone").build(),
            column(20, "alarm_exact", "time", "time(0) without time zone").precision(0).build(),
            column(21, "payload", "json", "json").build(),
            column(22, "settings", "jsonb", "jsonb").build(),
            column(23, "content", "bytea", "bytea").build(),
            column(24, "mood", "moodKind", "\"moodKind\"").labels(MOODS).build(),
            column(25, "moods", "moodKind", "\"moodKind\"[]").array().labels(MOODS).build(),
            column(26, "tags", "text", "text[]").array().build(),
            column(27, "contact", "text", "email").build(),
            column(28, "code", "varchar", "short_code").length(8).notNull().withDefault().build(),
            column(29, "tenant", "varchar", "\"tenantCode\"").length(8).notNull().withDefault().build(),
            // The element domain's NOT NULL and DEFAULT bind the elements, not the array column.
            column(30, "tenantCodes", "varchar", "\"tenantCode\"[]").length(8).array().build(),
            // Since PostgreSQL 15 a negative scale rounds to the left of the point.
            column(31, "rounded", "numeric", "numeric(5,-2)").precision(5).scale(-2).build(),
            column(32, "pause", "interval", "interval(3)").precision(3).build(),
            column(33, "span", "interval", "interval day").build(),
            column(34, "isActive", "bit", "bit(1)").length(1).build(),
            column(35, "mask", "varbit", "bit varying(64)").length(64).build(),
            column(36, "localTime", "timetz", "time(2) with time zone").precision(2).build()),
            List.of("id"),
            List.of(),
            List.of(),
            List.of("CHECK ((price >= (0)::numeric))"), List.of()));
  }

  @Test
  void aForeignKeyIntoAnotherSchemaIsQualifiedAndOneAddedByAlterTableClosesACycle() {
    // The partial unique index on name holds only for live rows, so it is no key.
    assertTable(new TargetTable("account",
        List.of(
            column(1, "id", "uuid", "uuid").notNull().build(),
            column(2, "name", "varchar", "character varying(255)").length(255).notNull().build(),
            column(3, "owner_space_id", "uuid", "uuid").build(),
            column(4, "ledger_id", "int4", "integer").build(),
            column(5, "deleted_at", "timestamptz", "timestamp with time zone").build()),
        List.of("id"),
        List.of(List.of("owner_space_id")),
        List.of(
            new ForeignKey("FK_account_owner_space", List.of("owner_space_id"), "space", List.of("id"),
                "FOREIGN KEY (owner_space_id) REFERENCES space(id)"),
            new ForeignKey("account_ledger_id_fkey", List.of("ledger_id"), "archive.ledger", List.of("id"),
                "FOREIGN KEY (ledger_id) REFERENCES archive.ledger(id)")),
        List.of(), List.of()));
  }

  @Test
  void aSelfReferenceAUniqueSerialRowIdAndUniqueKeysFromConstraintsAndPlainIndexesAreRead() {
    assertTable(new TargetTable("space",
        List.of(
            column(1, "id", "uuid", "uuid").notNull().build(),
            column(2, "rowId", "int4", "integer").notNull().serial("public.\"space_rowId_seq\"").build(),
            column(3, "nameID", "varchar", "character varying(36)").length(36).notNull().build(),
            column(4, "account_id", "uuid", "uuid").notNull().build(),
            column(5, "parent_space_id", "uuid", "uuid").build()),
        List.of("id"),
        // By name; the covering index's INCLUDE column is no part of its key.
        List.of(List.of("account_id", "nameID"), List.of("nameID"), List.of("rowId")),
        List.of(
            new ForeignKey("space_account_id_fkey", List.of("account_id"), "account", List.of("id"),
                "FOREIGN KEY (account_id) REFERENCES account(id)"),
            new ForeignKey("space_parent_space_id_fkey", List.of("parent_space_id"), "space", List.of("id"),
                "FOREIGN KEY (parent_space_id) REFERENCES space(id)")),
        List.of(), List.of()));
  }

  @Test
  void aReservedTableNameWithAReservedColumnAndAnAlwaysIdentityIsReadAsIs() {
    // The unique index on lower(email) is an expression, which no column list can express.
    assertTable(new TargetTable("user",
        List.of(
            column(1, "id", "int8", "bigint").notNull().identity("public.user_id_seq").build(),
            column(2, "limit", "int4", "integer").notNull().build(),
            column(3, "email", "varchar", "character varying(255)").length(255).notNull().build(),
            column(4, "emailDomain", "text", "text").withDefault().generated().build()),
        List.of("id"),
        List.of(List.of("email")),
        List.of(),
        List.of("CHECK ((\"limit\" >= 0))"),
        List.of(new FoldedUniqueKey("user_email_lower", List.of("email"), List.of("email")))));
  }

  @Test
  void compositeKeysKeepTheirKeyOrderRatherThanTheColumnOrder() {
    assertTable(new TargetTable("space_member",
        List.of(
            column(1, "space_id", "uuid", "uuid").notNull().build(),
            column(2, "user_id", "int8", "bigint").notNull().build(),
            column(3, "role", "text", "text").notNull().withDefault().build()),
        List.of("user_id", "space_id"),
        List.of(),
        List.of(
            new ForeignKey("space_member_space_id_fkey", List.of("space_id"), "space", List.of("id"),
                "FOREIGN KEY (space_id) REFERENCES space(id) ON DELETE CASCADE"),
            new ForeignKey("space_member_user_id_fkey", List.of("user_id"), "user", List.of("id"),
                "FOREIGN KEY (user_id) REFERENCES \"user\"(id)")),
        List.of(), List.of()));
    assertTable(new TargetTable("member_grant",
        List.of(
            column(1, "id", "int4", "integer").notNull().identity("public.member_grant_id_seq").build(),
            column(2, "grantee_space", "uuid", "uuid").notNull().build(),
            column(3, "grantee_user", "int8", "bigint").notNull().build()),
        List.of("id"),
        List.of(),
        List.of(new ForeignKey("FK_member_grant_member", List.of("grantee_space", "grantee_user"),
            "space_member", List.of("space_id", "user_id"),
            "FOREIGN KEY (grantee_space, grantee_user) REFERENCES space_member(space_id, user_id) DEFERRABLE INITIALLY DEFERRED")),
        List.of(), List.of()));
  }

  @Test
  void aHyphenatedTableNameIsReadAsIsAndItsSerialSequenceIsQuoted() {
    assertTable(new TargetTable("query-result-cache",
        List.of(
            column(1, "id", "int4", "integer").notNull().serial("public.\"query-result-cache_id_seq\"").build(),
            column(2, "identifier", "varchar", "character varying(255)").length(255).build(),
            column(3, "time", "int8", "bigint").notNull().build(),
            column(4, "duration", "int4", "integer").notNull().build(),
            column(5, "query", "text", "text").notNull().build(),
            column(6, "result", "text", "text").notNull().build()),
        List.of("id"),
        List.of(),
        List.of(),
        List.of(), List.of()));
  }

  @Test
  void aPartitionedTableIsReadOnceAndAForeignKeyToItIsNotRepeatedPerPartition() {
    assertTable(new TargetTable("audit_event",
        List.of(
            column(1, "id", "int8", "bigint").notNull().build(),
            column(2, "occurred_at", "date", "date").notNull().build()),
        List.of("id", "occurred_at"),
        List.of(),
        List.of(),
        List.of(), List.of()));
    assertTable(new TargetTable("audit_note",
        List.of(
            column(1, "id", "int4", "integer").notNull().build(),
            column(2, "event_id", "int8", "bigint").notNull().build(),
            column(3, "event_day", "date", "date").notNull().build()),
        List.of("id"),
        List.of(),
        List.of(new ForeignKey("audit_note_event_fkey", List.of("event_id", "event_day"),
            "audit_event", List.of("id", "occurred_at"),
            "FOREIGN KEY (event_id, event_day) REFERENCES audit_event(id, occurred_at)")),
        List.of(), List.of()));
  }

  @Test
  void aCamelCaseSchemaIsReadWithoutFoldingAndItsForeignKeyIntoPublicIsQualified() {
    TargetSchema reporting = new PostgresCatalogAdapter(pool, "reportingData").readTargetSchema();

    assertEquals(List.of(new TargetTable("Snapshot",
            List.of(
                column(1, "snapshotId", "uuid", "uuid").notNull().build(),
                column(2, "userId", "int8", "bigint").build()),
            List.of("snapshotId"),
            List.of(),
            List.of(new ForeignKey("Snapshot_userId_fkey", List.of("userId"), "public.user", List.of("id"),
                "FOREIGN KEY (\"userId\") REFERENCES \"user\"(id)")),
            List.of(), List.of())),
        reporting.tables());
  }

  @Test
  void aSchemaThatDoesNotExistReadsAsOneWithoutTables() {
    // Case matters: "reportingdata" is not "reportingData".
    assertEquals(List.of(), new PostgresCatalogAdapter(pool, "reportingdata").readTargetSchema().tables());
  }

  @Test
  void anUnreachableTargetIsAConnectionFailureNamingTheSchema() {
    HikariDataSource closed = PostgresDataSourceFactory.target(SharedPostgresServer.get().endpoint("postgres"), 1);
    closed.close();

    ConvergeException failure = assertThrows(ConvergeException.class,
        () -> new PostgresCatalogAdapter(closed, "public").readTargetSchema());

    assertSame(ErrorCode.CONNECTION, failure.code());
    assertTrue(failure.getMessage().contains("\"public\""), failure.getMessage());
    assertTrue(failure.getCause() instanceof SQLException, String.valueOf(failure.getCause()));
  }

  private static void assertTable(TargetTable expected) {
    TargetTable actual = schema.table(expected.name())
        .orElseThrow(() -> new AssertionError("no table " + expected.name()));
    assertEquals(expected.columns().stream().map(TargetColumn::name).toList(),
        actual.columns().stream().map(TargetColumn::name).toList(), expected.name() + " columns");
    for (int i = 0; i < expected.columns().size(); i++) {
      assertEquals(expected.columns().get(i), actual.columns().get(i),
          expected.name() + "." + expected.columns().get(i).name());
    }
    assertEquals(expected.primaryKey(), actual.primaryKey(), expected.name() + " primary key");
    assertEquals(expected.uniqueKeys(), actual.uniqueKeys(), expected.name() + " unique keys");
    assertEquals(expected.foreignKeys(), actual.foreignKeys(), expected.name() + " foreign keys");
    assertEquals(expected.checks(), actual.checks(), expected.name() + " checks");
    assertEquals(expected, actual);
  }

  private static ExpectedColumn column(int position, String name, String typeName, String formattedType) {
    return new ExpectedColumn(position, name, typeName, formattedType);
  }

  /** Spells out an expected column by what sets it apart from a nullable, plain, default-less one. */
  private static final class ExpectedColumn {
    private final int position;
    private final String name;
    private final String typeName;
    private final String formattedType;
    private Integer length;
    private Integer precision;
    private Integer scale;
    private boolean nullable = true;
    private boolean hasDefault;
    private boolean identity;
    private String sequence;
    private boolean array;
    private List<String> enumLabels = List.of();
    private boolean generated;

    private ExpectedColumn(int position, String name, String typeName, String formattedType) {
      this.position = position;
      this.name = name;
      this.typeName = typeName;
      this.formattedType = formattedType;
    }

    ExpectedColumn length(int value) {
      length = value;
      return this;
    }

    ExpectedColumn precision(int value) {
      precision = value;
      return this;
    }

    ExpectedColumn scale(int value) {
      scale = value;
      return this;
    }

    ExpectedColumn notNull() {
      nullable = false;
      return this;
    }

    ExpectedColumn withDefault() {
      hasDefault = true;
      return this;
    }

    /** A serial column: a nextval default and an owned sequence. */
    ExpectedColumn serial(String ownedSequence) {
      return identity(ownedSequence);
    }

    ExpectedColumn identity(String identitySequence) {
      hasDefault = true;
      identity = true;
      sequence = identitySequence;
      return this;
    }

    /** A stored generated column: COPY cannot write it. */
    ExpectedColumn generated() {
      generated = true;
      return this;
    }

    ExpectedColumn array() {
      array = true;
      return this;
    }

    ExpectedColumn labels(List<String> labels) {
      enumLabels = labels;
      return this;
    }

    TargetColumn build() {
      return new TargetColumn(name, position, typeName, formattedType, length, precision, scale, nullable,
          hasDefault, identity, sequence, array, enumLabels, generated);
    }
  }
}
