package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.json.JsonManifestFileAdapter;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.dataset.DatasetOptions;
import dev.converge.dataset.DirtyTrap;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.manifest.Manifest;
import dev.converge.domain.manifest.TableManifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dirty data on real servers (MySQL 8.0.31 → PostgreSQL 17.5): export enforces the target's keys
 * itself and stops before the table commits; with the operator's decisions the load passes,
 * changes.csv and quarantine/ hold exactly the affected rows, and verify passes while reporting them.
 */
class DirtyDataDecisionsIT {

  private static final double SCALE = 0.001;
  private static final String DUPLICATE_ID = "ffffffff-ffff-4fff-8fff-ffffffffffff";

  @TempDir Path workDirectory;
  @TempDir Path configDirectory;

  @Test
  void aDuplicateUnderAKeyOnlyTheTargetHasStopsMigrateBeforeTheTableCommitsNamingTableKeyColumnValueAndRule()
      throws Exception {
    Rehearsal run = Rehearsal.of("kratos", EmbeddedServers.mySql(), DatasetOptions.clean(SCALE), true, workDirectory);
    assertEquals(0, run.converge("plan"), run.output());
    String value;
    try (HikariDataSource writable = MySqlDataSourceFactory.writable(run.source, 1);
        Connection connection = writable.getConnection(); Statement statement = connection.createStatement()) {
      // After the plan, as on a live system: MySQL has no unique key here; the target's is on lower(value).
      try (ResultSet first = statement.executeQuery("SELECT value FROM identity_recovery_addresses ORDER BY id LIMIT 1")) {
        first.next();
        value = first.getString(1);
      }
      statement.execute("INSERT INTO identity_recovery_addresses (id, via, value, identity_id, nid, created_at, updated_at)"
          + " SELECT '" + DUPLICATE_ID + "', via, UPPER(value), identity_id, nid, created_at, updated_at"
          + " FROM identity_recovery_addresses ORDER BY id LIMIT 1");
    }

    assertEquals(ExitStatus.of(ErrorCode.EXPORT), run.converge("migrate", "--keep-plan"), run.output());

    assertTrue(run.err.toString().contains("table identity_recovery_addresses, row id='" + DUPLICATE_ID + "', column value:"
        + " value "), run.output());
    assertTrue(run.err.toString().contains("repeats an earlier row's value under the target's unique key"
        + " identity_recovery_addresses_nid_via_value_uq_idx"), run.output());
    assertTrue(run.err.toString().contains(value.toUpperCase(java.util.Locale.ROOT)), run.output());
    assertEquals(0, targetCount(run, "identity_recovery_addresses"), "nothing of the table was committed");
  }

  @Test
  void withDecisionsTheDirtyVariantLoadsAndChangesAndQuarantineHoldExactlyTheAffectedRowsAndVerifyPasses()
      throws Exception {
    Rehearsal run = Rehearsal.of("kratos", EmbeddedServers.mySql(), new DatasetOptions(SCALE, DatasetOptions.DEFAULT_SEED,
        true), true, workDirectory);
    Map<String, DirtyTrap> traps = new HashMap<>();
    run.dataset.dirtyTraps().forEach(trap -> traps.put(trap.table(), trap));
    assertEquals(Set.of("sessions", "identity_recovery_addresses", "identities"), traps.keySet());

    // Without decisions the plan blocks and nothing is exported.
    assertEquals(ExitStatus.of(ErrorCode.PLAN_BLOCKED), run.converge("migrate"), run.output());

    // The column policy and the default from converge.yml, the quarantines on migrate's command line.
    Path config = configDirectory.resolve("converge.yml");
    Files.writeString(config, "column-policy: \"sessions.authenticated_at:zero-dates=null\"\n"
        + "default: [\"sessions.authenticated_at=2000-01-01 00:00:00\"]\n", StandardCharsets.UTF_8);
    assertEquals(0, run.converge("migrate", "--config", config.toString(), "--quarantine", "identities",
        "--quarantine", "identity_recovery_addresses:unique"), run.output());
    assertTrue(run.out.toString().contains("Verification: PASS"), run.output());
    assertTrue(run.out.toString().contains("Decisions: --quarantine identities, --quarantine"
        + " identity_recovery_addresses:unique, --default sessions.authenticated_at=2000-01-01 00:00:00"), run.output());

    List<CSVRecord> changes = csv(workDirectory.resolve("changes.csv"));
    Manifest manifest = new JsonManifestFileAdapter(workDirectory).latest().orElseThrow().manifest();
    // The default: exactly the zero date, in exactly the trap's table and column.
    List<CSVRecord> defaulted = changes.stream().filter(c -> c.get("rule").equals("default")).toList();
    assertEquals(1, defaulted.size(), changes.toString());
    assertEquals(List.of("sessions", "authenticated_at", "'2000-01-01 00:00:00'"),
        List.of(defaulted.get(0).get("table"), defaulted.get(0).get("column"), defaulted.get(0).get("after")));
    assertEquals(1, manifest.table("sessions").orElseThrow().changed());
    // The direct quarantines: exactly the two traps the decisions cover.
    List<CSVRecord> direct = changes.stream().filter(c -> c.get("rule").startsWith("quarantine: ")
        && !c.get("rule").startsWith("quarantine: parent-quarantined")).toList();
    // The generator's case duplicate is an address of the quarantined identity: it follows its parent
    // (checked first: a child of a row set aside is set aside whatever else is wrong with it).
    assertEquals(List.of("identities.metadata_public"),
        direct.stream().map(c -> c.get("table") + "." + c.get("column")).toList(), direct.toString());
    assertTrue(changes.stream().anyMatch(c -> c.get("table").equals("identity_recovery_addresses")
        && c.get("after").equals("(quarantined)")), changes.toString());
    String identity = direct.stream().filter(c -> c.get("table").equals("identities")).findFirst().orElseThrow().get("key");
    String identityId = identity.substring("id='".length(), identity.length() - 1);

    // The children: exactly the source's rows that reference the quarantined identity, and theirs.
    Map<String, Long> expectedChildren = new HashMap<>();
    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(run.source, 1);
        Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
      for (String table : List.of("identity_credentials", "identity_verifiable_addresses", "identity_recovery_addresses",
          "sessions")) {
        expectedChildren.put(table, count(statement, "SELECT COUNT(*) FROM " + table + " WHERE identity_id = '"
            + identityId + "'"));
      }
      expectedChildren.put("identity_credential_identifiers", count(statement, "SELECT COUNT(*) FROM"
          + " identity_credential_identifiers WHERE identity_credential_id IN (SELECT id FROM identity_credentials"
          + " WHERE identity_id = '" + identityId + "')"));
      expectedChildren.put("session_devices", count(statement, "SELECT COUNT(*) FROM session_devices WHERE session_id IN"
          + " (SELECT id FROM sessions WHERE identity_id = '" + identityId + "')"));
    }
    Map<String, Long> children = new HashMap<>();
    changes.stream().filter(c -> c.get("rule").startsWith("quarantine: parent-quarantined"))
        .forEach(c -> children.merge(c.get("table"), 1L, Long::sum));
    expectedChildren.values().removeIf(rows -> rows == 0);
    assertEquals(expectedChildren, children, "children of identity " + identityId);
    assertTrue(!children.isEmpty(), "the quarantined identity has children in the dataset");

    // quarantine/<table>.csv, the manifest and changes.csv agree; source = target + quarantined.
    Set<String> quarantinedTables = new HashSet<>();
    for (TableManifest table : manifest.tables()) {
      long inChanges = changes.stream().filter(c -> c.get("table").equals(table.sourceTable())
          && c.get("after").equals("(quarantined)")).count();
      assertEquals(inChanges, table.quarantined(), table.sourceTable());
      Path file = workDirectory.resolve("quarantine").resolve(table.sourceTable() + ".csv");
      assertEquals(table.quarantined() > 0, Files.exists(file), file.toString());
      if (table.quarantined() > 0) {
        quarantinedTables.add(table.sourceTable());
        assertEquals(table.quarantined(), csv(file).size(), file.toString());
        assertEquals(sourceCount(run, table.sourceTable()), targetCount(run, table.targetTable()) + table.quarantined(),
            table.sourceTable());
      }
    }
    assertTrue(quarantinedTables.containsAll(List.of("identities", "identity_recovery_addresses")), quarantinedTables.toString());
    String report = Files.readString(workDirectory.resolve("verification_report.md"), StandardCharsets.UTF_8);
    assertTrue(report.contains("decided differences"), report);
    assertTrue(report.contains("1 row(s) quarantined, not loaded"), report);
  }

  @Test
  void everyValueAColumnPolicyChangedIsInChangesCsvCountedInTheManifestAndExpectedByVerify() throws Exception {
    Rehearsal run = Rehearsal.of("kratos", EmbeddedServers.mySql(), new DatasetOptions(SCALE, DatasetOptions.DEFAULT_SEED,
        true), true, workDirectory);

    // migrate takes the plan's column policies from converge.yml.
    Path config = configDirectory.resolve("converge.yml");
    Files.writeString(config, "column-policy: \"identities.metadata_public:nul-bytes=strip\"\n", StandardCharsets.UTF_8);
    assertEquals(0, run.converge("migrate", "--config", config.toString(), "--quarantine", "sessions:invalid-value",
        "--quarantine", "identity_recovery_addresses:unique"), run.output());
    assertTrue(run.out.toString().contains("Verification: PASS"), run.output());

    List<CSVRecord> changes = csv(workDirectory.resolve("changes.csv"));
    List<CSVRecord> policy = changes.stream().filter(c -> c.get("rule").startsWith("policy: ")).toList();
    // Exactly the trap's JSON NUL escape.
    assertEquals(1, policy.size(), changes.toString());
    assertEquals(List.of("identities", "metadata_public"), List.of(policy.get(0).get("table"), policy.get(0).get("column")));
    assertTrue(policy.get(0).get("rule").startsWith("policy: nul-bytes=strip: "), policy.toString());
    assertTrue(policy.get(0).get("before").contains("\\u0000"), policy.toString());
    assertTrue(!policy.get(0).get("after").contains("\\u0000"), policy.toString());
    Manifest manifest = new JsonManifestFileAdapter(workDirectory).latest().orElseThrow().manifest();
    assertEquals(1, manifest.table("identities").orElseThrow().changed());
    String report = Files.readString(workDirectory.resolve("verification_report.md"), StandardCharsets.UTF_8);
    assertTrue(report.contains("policy: nul-bytes=strip: 1"), report);
    assertTrue(report.contains("quarantine: invalid-value: 1"), report);
  }

  @Test
  void underMergeByPrimaryKeyAUniqueNameTheTargetHoldsUnderAnotherIdIsABlockerByKeyWithTheChoice() throws Exception {
    Rehearsal run = Rehearsal.of("kratos", EmbeddedServers.mySql(), DatasetOptions.clean(SCALE), true, workDirectory);
    String moved;
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + run.target.host() + ":"
        + run.target.port() + "/" + run.target.database(), run.target.user(), "");
        Statement statement = connection.createStatement()) {
      // Another install: the seed migration gave the same credential type another id.
      try (ResultSet first = statement.executeQuery("SELECT name FROM identity_credential_types ORDER BY name LIMIT 1")) {
        first.next();
        moved = first.getString(1);
      }
      statement.execute("UPDATE identity_credential_types SET id = gen_random_uuid() WHERE name = '" + moved + "'");
    }

    assertEquals(ExitStatus.of(ErrorCode.PLAN_BLOCKED), run.converge("plan", "--existing-rows",
        "identity_credential_types=merge-by-primary-key"), run.output());

    assertTrue(run.out.toString().contains("identity_credential_types.name: 1 row(s): collides with a row the target"
        + " already holds under its unique key"), run.output());
    assertTrue(run.out.toString().contains("fix: --existing-rows identity_credential_types=truncate (or set the rows"
        + " aside with --quarantine identity_credential_types:existing-row)"), run.output());
    List<CSVRecord> dirty = csv(workDirectory.resolve("dirty_rows.csv"));
    assertEquals(1, dirty.size(), dirty.toString());
    assertEquals("'" + moved + "'", dirty.get(0).get("value"));
    assertEquals(0, run.converge("plan", "--existing-rows", "identity_credential_types=truncate"), run.output());

    // The other choice: the source row is set aside, the target's own row stays, its children follow it.
    // migrate takes the plan's existing-rows handling from converge.yml.
    Path config = configDirectory.resolve("converge.yml");
    Files.writeString(config, "existing-rows: \"identity_credential_types=merge-by-primary-key\"\n",
        StandardCharsets.UTF_8);
    assertEquals(0, run.converge("migrate", "--config", config.toString(), "--quarantine",
        "identity_credential_types:existing-row"), run.output());
    assertTrue(run.out.toString().contains("Verification: PASS"), run.output());
    List<CSVRecord> setAside = csv(workDirectory.resolve("quarantine").resolve("identity_credential_types.csv"));
    assertEquals(1, setAside.size(), setAside.toString());
    assertTrue(setAside.get(0).get("rule").startsWith("quarantine: existing-row: collides with a row the target already"
        + " holds"), setAside.toString());
    String sourceId = setAside.get(0).get("key").substring("id='".length(), setAside.get(0).get("key").length() - 1);
    long children;
    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(run.source, 1);
        Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
      children = count(statement, "SELECT COUNT(*) FROM identity_credentials WHERE identity_credential_type_id = '"
          + sourceId + "'");
    }
    List<CSVRecord> changes = csv(workDirectory.resolve("changes.csv"));
    assertEquals(children, changes.stream().filter(c -> c.get("table").equals("identity_credentials")
        && c.get("rule").startsWith("quarantine: parent-quarantined")).count(), changes.toString());
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + run.target.host() + ":"
        + run.target.port() + "/" + run.target.database(), run.target.user(), "");
        Statement statement = connection.createStatement()) {
      assertEquals(1, count(statement, "SELECT COUNT(*) FROM identity_credential_types WHERE name = '" + moved + "'"),
          "the target's own row stays");
    }
  }

  @Test
  void underMergeByPrimaryKeyARowTheTargetKeepsWithOtherContentIsListedRecordedAndExpectedAndAnIdenticalOneIsNot()
      throws Exception {
    Rehearsal run = Rehearsal.of("kratos", EmbeddedServers.mySql(), DatasetOptions.clean(SCALE), true, workDirectory);
    String differing;
    String name;
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + run.target.host() + ":"
        + run.target.port() + "/" + run.target.database(), run.target.user(), "");
        Statement statement = connection.createStatement()) {
      // The seed gave both installs the same credential types under the same ids; this install renamed one.
      try (ResultSet first = statement.executeQuery("SELECT id::text, name FROM identity_credential_types ORDER BY name"
          + " LIMIT 1")) {
        first.next();
        differing = first.getString(1);
        name = first.getString(2);
      }
      statement.execute("UPDATE identity_credential_types SET name = name || '-here' WHERE id = '" + differing + "'");
      assertTrue(count(statement, "SELECT COUNT(*) FROM identity_credential_types") > 1, "identical rows stay too");
    }
    String key = "id='" + differing + "'";

    assertEquals(0, run.converge("plan", "--existing-rows", "identity_credential_types=merge-by-primary-key"),
        run.output());

    List<CSVRecord> dirty = csv(workDirectory.resolve("dirty_rows.csv"));
    assertEquals(1, dirty.size(), "only the row whose content differs, not the identical ones: " + dirty);
    assertEquals(List.of("identity_credential_types", key, "name", "'" + name + "' (the target keeps '" + name
        + "-here')"), List.of(dirty.get(0).get("table"), dirty.get(0).get("key"), dirty.get(0).get("column"),
            dirty.get(0).get("value")));
    assertTrue(dirty.get(0).get("rule").startsWith("merged-by-primary-key: "), dirty.toString());
    assertTrue(run.out.toString().contains("identity_credential_types.name: 1 value(s) differ where the target already"
        + " holds the row's primary key"), run.output());
    assertTrue(run.out.toString().contains("Blockers: none"), run.output());

    Path config = configDirectory.resolve("converge.yml");
    Files.writeString(config, "existing-rows: \"identity_credential_types=merge-by-primary-key\"\n",
        StandardCharsets.UTF_8);
    assertEquals(0, run.converge("migrate", "--config", config.toString()), run.output());

    assertTrue(run.out.toString().contains("Verification: PASS"), run.output());
    List<CSVRecord> changes = csv(workDirectory.resolve("changes.csv"));
    assertEquals(1, changes.size(), "exactly the differing value: " + changes);
    assertEquals(List.of("identity_credential_types", key, "name", "'" + name + "'", "'" + name + "-here'"),
        List.of(changes.get(0).get("table"), changes.get(0).get("key"), changes.get(0).get("column"),
            changes.get(0).get("before"), changes.get(0).get("after")));
    assertTrue(changes.get(0).get("rule").startsWith("merged-by-primary-key: "), changes.toString());
    Manifest manifest = new JsonManifestFileAdapter(workDirectory).latest().orElseThrow().manifest();
    TableManifest types = manifest.table("identity_credential_types").orElseThrow();
    assertEquals(1, types.merged());
    assertEquals(sourceCount(run, "identity_credential_types"), types.rows() + types.merged(),
        "source = exported + merged");
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + run.target.host() + ":"
        + run.target.port() + "/" + run.target.database(), run.target.user(), "");
        Statement statement = connection.createStatement()) {
      assertEquals(1, count(statement, "SELECT COUNT(*) FROM identity_credential_types WHERE id = '" + differing
          + "' AND name = '" + name + "-here'"), "the target's own row stays");
    }
    String report = Files.readString(workDirectory.resolve("verification_report.md"), StandardCharsets.UTF_8);
    assertTrue(report.contains("merged-by-primary-key: 1"), report);
    com.fasterxml.jackson.databind.JsonNode verified = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(workDirectory.resolve("verification_report.json").toFile());
    com.fasterxml.jackson.databind.JsonNode table = null;
    for (com.fasterxml.jackson.databind.JsonNode one : verified.get("tables")) {
      if (one.get("table").asText().equals("identity_credential_types")) {
        table = one;
      }
    }
    assertTrue(table != null, verified.toString());
    assertEquals(1, table.at("/decided/merged").asLong(), table.toString());
    assertEquals(0, table.at("/decided/quarantined").asLong(), table.toString());
    assertEquals(1, table.at("/decided/byDecision/merged-by-primary-key").asLong(), table.toString());
  }

  @Test
  void aChildWhoseMappedForeignKeyNamesAQuarantinedParentFollowsItAndOneNamingAnotherIsLoadedMapped()
      throws Exception {
    Rehearsal run = Rehearsal.of("alkemio", EmbeddedServers.mySql(), DatasetOptions.clean(SCALE), true, workDirectory);
    List<String> userIds = new ArrayList<>();
    List<String> nameIds = new ArrayList<>();
    List<String> notifications = new ArrayList<>();
    try (HikariDataSource writable = MySqlDataSourceFactory.writable(run.source, 1);
        Connection connection = writable.getConnection(); Statement statement = connection.createStatement()) {
      try (ResultSet users = statement.executeQuery("SELECT id, nameID FROM `user` ORDER BY id LIMIT 2")) {
        while (users.next()) {
          userIds.add(users.getString(1));
          nameIds.add(users.getString(2));
        }
      }
      try (ResultSet rows = statement.executeQuery("SELECT id FROM in_app_notification WHERE receiverID NOT IN ('"
          + userIds.get(0) + "', '" + userIds.get(1) + "') ORDER BY id LIMIT 2")) {
        while (rows.next()) {
          notifications.add(rows.getString(1));
        }
      }
      assertEquals(2, notifications.size(), "the dataset has notifications of other users");
      // Receivers named by nameID, as Alkemio's virtualContributorID (written with the foreign-key checks off,
      // as such data got there): the first user's, then the second's.
      statement.execute("SET FOREIGN_KEY_CHECKS = 0");
      for (int i = 0; i < 2; i++) {
        statement.execute("UPDATE in_app_notification SET receiverID = '" + nameIds.get(i) + "' WHERE id = '"
            + notifications.get(i) + "'");
      }
      // A NUL character the target's text refuses: the first user is set aside.
      statement.execute("UPDATE `user` SET firstName = CONCAT(firstName, CHAR(0)) WHERE id = '" + userIds.get(0) + "'");
    }
    String map = "in_app_notification.receiverID=lookup:SELECT id FROM `user` WHERE nameID = ? UNION ALL SELECT ?"
        + " FROM DUAL WHERE ? REGEXP '^[0-9a-fA-F-]{36}$'";

    assertEquals(0, run.converge("migrate", "--map", map, "--quarantine", "user:invalid-value"), run.output());

    assertTrue(run.out.toString().contains("Verification: PASS"), "no orphan: " + run.output());
    List<CSVRecord> setAside = csv(workDirectory.resolve("quarantine").resolve("in_app_notification.csv"));
    CSVRecord follower = setAside.stream().filter(c -> c.get("key").equals("id='" + notifications.get(0) + "'"))
        .findFirst().orElseThrow(() -> new AssertionError("the notification naming the set-aside user by nameID"
            + " follows it: " + setAside));
    assertTrue(follower.get("rule").startsWith("quarantine: parent-quarantined: its parent in user"), follower.toString());
    assertTrue(setAside.stream().noneMatch(c -> c.get("key").equals("id='" + notifications.get(1) + "'")), setAside.toString());
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + run.target.host() + ":"
        + run.target.port() + "/" + run.target.database(), run.target.user(), "");
        Statement statement = connection.createStatement()) {
      assertEquals(0, count(statement, "SELECT COUNT(*) FROM in_app_notification WHERE id = '" + notifications.get(0)
          + "'"), "never an orphan");
      assertEquals(1, count(statement, "SELECT COUNT(*) FROM in_app_notification WHERE id = '" + notifications.get(1)
          + "' AND \"receiverID\" = '" + userIds.get(1) + "'"), "the other is loaded with its receiver's id");
    }
  }

  @Test
  void aQuarantinedSpaceTakesItsSubspacesAndTheirsWithItUnderTheSelfReferenceAndVerifyFindsNoOrphan() throws Exception {
    Rehearsal run = Rehearsal.of("alkemio", EmbeddedServers.mySql(), DatasetOptions.clean(SCALE), true, workDirectory);
    String root;
    Set<String> family = new HashSet<>();
    try (HikariDataSource writable = MySqlDataSourceFactory.writable(run.source, 1);
        Connection connection = writable.getConnection(); Statement statement = connection.createStatement()) {
      try (ResultSet parent = statement.executeQuery("SELECT parentSpaceId FROM space WHERE level = 1 ORDER BY id LIMIT 1")) {
        parent.next();
        root = parent.getString(1);
      }
      // A NUL character the target's text refuses, in the top space only.
      statement.execute("UPDATE space SET settingsStr = CONCAT(settingsStr, CHAR(0)) WHERE id = '" + root + "'");
      try (ResultSet rows = statement.executeQuery("SELECT id FROM space WHERE id = '" + root + "' OR parentSpaceId = '"
          + root + "' OR parentSpaceId IN (SELECT id FROM (SELECT id FROM space WHERE parentSpaceId = '" + root
          + "') AS children)")) {
        while (rows.next()) {
          family.add("id='" + rows.getString(1) + "'");
        }
      }
    }
    assertTrue(family.size() > 2, "the space has subspaces and those have theirs: " + family);

    assertEquals(0, run.converge("migrate", "--quarantine", "space:invalid-value"), run.output());

    assertTrue(run.out.toString().contains("Verification: PASS"), run.output());
    List<CSVRecord> setAside = csv(workDirectory.resolve("quarantine").resolve("space.csv"));
    assertEquals(family, setAside.stream().map(c -> c.get("key")).collect(java.util.stream.Collectors.toSet()));
    assertEquals(family.size() - 1, setAside.stream().filter(c -> c.get("rule").startsWith(
        "quarantine: parent-quarantined: its parent in space itself")).count(), setAside.toString());
    assertEquals(sourceCount(run, "space"), targetCount(run, "space") + family.size());
  }

  @Test
  void aColumnMapLoadsTheLookedUpIdListsEachMappedValueAndAValueItCannotMapIsADirtyRowByKey() throws Exception {
    Rehearsal run = Rehearsal.of("alkemio", EmbeddedServers.mySql(), DatasetOptions.clean(SCALE), true, workDirectory);
    String mapped;
    String unmapped;
    String userId;
    String nameId;
    try (HikariDataSource writable = MySqlDataSourceFactory.writable(run.source, 1);
        Connection connection = writable.getConnection(); Statement statement = connection.createStatement()) {
      try (ResultSet user = statement.executeQuery("SELECT id, nameID FROM `user` ORDER BY id LIMIT 1")) {
        user.next();
        userId = user.getString(1);
        nameId = user.getString(2);
      }
      List<String> activities = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("SELECT id FROM activity ORDER BY id LIMIT 2")) {
        while (rows.next()) {
          activities.add(rows.getString(1));
        }
      }
      mapped = activities.get(0);
      unmapped = activities.get(1);
      // As in Alkemio's vc_interaction.virtualContributorID: a nameID where the id belongs.
      statement.execute("UPDATE activity SET triggeredBy = '" + nameId + "' WHERE id = '" + mapped + "'");
      statement.execute("UPDATE activity SET triggeredBy = 'no-such-name' WHERE id = '" + unmapped + "'");
    }
    // A nameID maps to its user's id, a uuid to itself; anything else finds no row.
    String map = "activity.triggeredBy=lookup:SELECT id FROM `user` WHERE nameID = ? UNION ALL SELECT ? FROM DUAL"
        + " WHERE ? REGEXP '^[0-9a-fA-F-]{36}$'";

    assertEquals(ExitStatus.of(ErrorCode.PLAN_BLOCKED), run.converge("plan", "--map", map), run.output());
    List<CSVRecord> dirty = csv(workDirectory.resolve("dirty_rows.csv"));
    assertEquals(List.of("id='" + unmapped + "'"), dirty.stream().map(d -> d.get("key")).toList(), dirty.toString());
    assertTrue(dirty.get(0).get("rule").startsWith("the column's map lookup found no row for the value"), dirty.toString());
    assertEquals("", dirty.get(0).get("fix"), "no policy fixes a value the map cannot map");
    assertTrue(run.out.toString().contains("--quarantine activity:unmapped"), run.output());

    // A converge.yml map, as an operator keeps it, and the unmappable row set aside.
    Path config = configDirectory.resolve("converge.yml");
    Files.writeString(config, "map:\n  activity.triggeredBy:\n    lookup: \"" + map.substring(map.indexOf(':') + 1)
        .replace("\\", "\\\\") + "\"\n", StandardCharsets.UTF_8);
    assertEquals(0, run.converge("migrate", "--config", config.toString(), "--quarantine", "activity:unmapped"),
        run.output());
    assertTrue(run.out.toString().contains("Verification: PASS"), run.output());

    List<CSVRecord> changes = csv(workDirectory.resolve("changes.csv"));
    List<CSVRecord> maps = changes.stream().filter(c -> c.get("rule").startsWith("map: ")).toList();
    assertEquals(1, maps.size(), changes.toString());
    assertEquals(List.of("activity", "id='" + mapped + "'", "triggeredBy", "'" + nameId + "'", "'" + userId + "'"),
        List.of(maps.get(0).get("table"), maps.get(0).get("key"), maps.get(0).get("column"), maps.get(0).get("before"),
            maps.get(0).get("after")));
    List<CSVRecord> setAside = csv(workDirectory.resolve("quarantine").resolve("activity.csv"));
    assertEquals(List.of("id='" + unmapped + "'"), setAside.stream().map(c -> c.get("key")).toList());
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + run.target.host() + ":"
        + run.target.port() + "/" + run.target.database(), run.target.user(), "");
        Statement statement = connection.createStatement();
        ResultSet loaded = statement.executeQuery("SELECT \"triggeredBy\"::text FROM activity WHERE id = '" + mapped + "'")) {
      assertTrue(loaded.next());
      assertEquals(userId, loaded.getString(1));
    }
    String report = Files.readString(workDirectory.resolve("verification_report.md"), StandardCharsets.UTF_8);
    assertTrue(report.contains("map: 1"), report);
    assertTrue(report.contains("quarantine: unmapped: 1"), report);
    assertTrue(report.contains(workDirectory.resolve("changes.csv").toString()), report);

    // The run report sums the decisions up per table and decision, with where the audit lies.
    assertEquals(0, Main.run(new String[] {"report", "--work-dir", workDirectory.toString()},
        new java.io.PrintWriter(run.out, true), new java.io.PrintWriter(run.err, true)), run.output());
    String runReport = Files.readString(workDirectory.resolve("run_report.md"), StandardCharsets.UTF_8);
    assertTrue(runReport.contains("## Decisions"), runReport);
    assertTrue(runReport.contains("| activity | map | 1 |"), runReport);
    assertTrue(runReport.contains("| activity | quarantine: unmapped | 1 |"), runReport);
    assertTrue(runReport.contains(workDirectory.resolve("quarantine").toString()), runReport);
    String runJson = Files.readString(workDirectory.resolve("run_report.json"), StandardCharsets.UTF_8);
    assertTrue(runJson.contains("\"quarantine: unmapped\" : 1") || runJson.contains("\"quarantine: unmapped\":1"),
        runJson);
  }

  private static List<CSVRecord> csv(Path file) throws Exception {
    try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8,
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
      return new ArrayList<>(parser.getRecords());
    }
  }

  private static long count(Statement statement, String sql) throws Exception {
    try (ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static long sourceCount(Rehearsal run, String table) throws Exception {
    try (HikariDataSource source = MySqlDataSourceFactory.readOnlySource(run.source, 1);
        Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
      return count(statement, "SELECT COUNT(*) FROM `" + table + "`");
    }
  }

  private static long targetCount(Rehearsal run, String table) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + run.target.host() + ":"
        + run.target.port() + "/" + run.target.database(), run.target.user(), "");
        Statement statement = connection.createStatement()) {
      return count(statement, "SELECT COUNT(*) FROM \"" + table + "\"");
    }
  }
}
