package dev.converge.dataset;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Kratos's identity family: the single {@code networks} row every row points at, the fixed {@code
 * identity_credential_types}, the {@code schema_migration} history, and identities with their
 * credentials, identifiers and addresses. Identity i is {@link People} person i.
 */
final class KratosIdentityTables {

  /** The credential types the migrations insert on both sides, in the order of their fixed ids. */
  static final List<String> CREDENTIAL_TYPES =
      List.of("password", "oidc", "totp", "lookup_secret", "webauthn", "code", "passkey");

  private static final List<String> CREDENTIAL_TYPE_IDS =
      List.of(
          "c7a1e000-0000-4000-8000-000000000001",
          "c7a1e000-0000-4000-8000-000000000002",
          "c7a1e000-0000-4000-8000-000000000003",
          "c7a1e000-0000-4000-8000-000000000004",
          "c7a1e000-0000-4000-8000-000000000005",
          "c7a1e000-0000-4000-8000-000000000006",
          "c7a1e000-0000-4000-8000-000000000007");

  /** Versions the MySQL migrations record; the Postgres seed records a different set. */
  static final List<String> MYSQL_MIGRATION_VERSIONS = mysqlMigrationVersions();

  private KratosIdentityTables() {}

  /**
   * The fixed id of {@link #CREDENTIAL_TYPES} entry {@code type}, the same in the Postgres seed.
   */
  static String credentialTypeId(int type) {
    return CREDENTIAL_TYPE_IDS.get(type);
  }

  static String networkId(long seed) {
    return RowKeys.uuid(seed, "networks", 0);
  }

  /** Password credentials, one per identity, then OIDC credentials for every second identity. */
  static long credentials(DatasetOptions options) {
    long identities = People.count(options);
    return identities + (identities + 1) / 2;
  }

  static GeneratedTable networks() {
    return new StreamedTable(
        "networks",
        List.of("id", "created_at", "updated_at"),
        options -> 1,
        options ->
            (index, random, row) -> {
              row[0] = networkId(options.seed());
              row[1] = LocalDateTime.parse("2020-01-15T12:00:00");
              row[2] = row[1];
            });
  }

  static GeneratedTable credentialTypes() {
    return new StreamedTable(
        "identity_credential_types",
        List.of("id", "name"),
        options -> CREDENTIAL_TYPES.size(),
        options ->
            (index, random, row) -> {
              row[0] = credentialTypeId((int) index);
              row[1] = CREDENTIAL_TYPES.get((int) index);
            });
  }

  static GeneratedTable schemaMigration() {
    return new StreamedTable(
        "schema_migration",
        List.of("version", "version_self"),
        options -> MYSQL_MIGRATION_VERSIONS.size(),
        options ->
            (index, random, row) -> {
              row[0] = MYSQL_MIGRATION_VERSIONS.get((int) index);
              row[1] = 0;
            });
  }

  static GeneratedTable identities() {
    return new StreamedTable(
        "identities",
        List.of(
            "id",
            "nid",
            "schema_id",
            "traits",
            "state",
            "state_changed_at",
            "metadata_public",
            "metadata_admin",
            "created_at",
            "updated_at"),
        People::count,
        options -> {
          long seed = options.seed();
          long jsonNulRow = options.dirty() ? People.count(options) - 1 : -1;
          return (index, random, row) -> {
            People.Person person = People.of(seed, index);
            LocalDateTime created = SampleTimes.wholeSeconds(random);
            boolean inactive = random.nextInt(25) == 0;
            row[0] = People.identityId(seed, index);
            row[1] = networkId(seed);
            row[2] =
                index == 0
                    ? "https://schemas.example.org/identity/person.schema.json?v=2&lang=de"
                    : "default";
            row[3] = traits(person, index);
            row[4] = inactive ? "inactive" : "active";
            row[5] = inactive ? SampleTimes.after(created, random) : null;
            String metadata =
                random.nextInt(3) == 0 ? "{\"newsletter\":" + random.nextBoolean() + "}" : null;
            if (index < JsonText.TRAP_DOCUMENTS.size()) {
              metadata = JsonText.TRAP_DOCUMENTS.get((int) index);
            }
            // Dirty values replace clean ones after they are drawn, so no other cell changes.
            row[6] = index == jsonNulRow ? DirtyValues.JSON_WITH_NUL_ESCAPE : metadata;
            row[7] =
                random.nextInt(10) == 0
                    ? "{\"note\":" + JsonText.quote(AwkwardText.sentence(random, 2, 6)) + "}"
                    : null;
            row[8] = created;
            row[9] = SampleTimes.after(created, random);
          };
        });
  }

  static GeneratedTable credentials() {
    return new StreamedTable(
        "identity_credentials",
        List.of(
            "id",
            "config",
            "identity_credential_type_id",
            "identity_id",
            "nid",
            "version",
            "created_at",
            "updated_at"),
        KratosIdentityTables::credentials,
        options -> {
          long seed = options.seed();
          long identities = People.count(options);
          return (index, random, row) -> {
            boolean password = index < identities;
            long identity = password ? index : 2 * (index - identities);
            LocalDateTime created = SampleTimes.wholeSeconds(random);
            row[0] = RowKeys.uuid(seed, "identity_credentials", index);
            row[1] = password ? passwordConfig(random) : oidcConfig(identity, random);
            row[2] = credentialTypeId(password ? 0 : 1);
            row[3] = People.identityId(seed, identity);
            row[4] = networkId(seed);
            row[5] = 0;
            row[6] = created;
            row[7] = SampleTimes.after(created, random);
          };
        });
  }

  static GeneratedTable credentialIdentifiers() {
    return new StreamedTable(
        "identity_credential_identifiers",
        List.of(
            "id",
            "identifier",
            "identity_credential_id",
            "identity_credential_type_id",
            "nid",
            "created_at",
            "updated_at"),
        KratosIdentityTables::credentials,
        options -> {
          long seed = options.seed();
          long identities = People.count(options);
          return (index, random, row) -> {
            boolean password = index < identities;
            LocalDateTime created = SampleTimes.wholeSeconds(random);
            row[0] = RowKeys.uuid(seed, "identity_credential_identifiers", index);
            row[1] =
                password
                    ? People.loginIdentifier(People.of(seed, index))
                    : "google:" + oidcSubject(2 * (index - identities));
            row[2] = RowKeys.uuid(seed, "identity_credentials", index);
            row[3] = credentialTypeId(password ? 0 : 1);
            row[4] = networkId(seed);
            row[5] = created;
            row[6] = SampleTimes.after(created, random);
          };
        });
  }

  static GeneratedTable verifiableAddresses() {
    return new StreamedTable(
        "identity_verifiable_addresses",
        List.of(
            "id",
            "status",
            "via",
            "verified",
            "value",
            "verified_at",
            "identity_id",
            "nid",
            "created_at",
            "updated_at"),
        People::count,
        options -> {
          long seed = options.seed();
          return (index, random, row) -> {
            boolean verified = random.nextInt(4) != 0;
            LocalDateTime created = SampleTimes.wholeSeconds(random);
            row[0] = RowKeys.uuid(seed, "identity_verifiable_addresses", index);
            row[1] = verified ? "completed" : "pending";
            row[2] = "email";
            row[3] = verified;
            row[4] = People.loginIdentifier(People.of(seed, index));
            row[5] = verified ? SampleTimes.after(created, random) : null;
            row[6] = People.identityId(seed, index);
            row[7] = networkId(seed);
            row[8] = created;
            row[9] = SampleTimes.after(created, random);
          };
        });
  }

  static GeneratedTable recoveryAddresses() {
    return new StreamedTable(
        "identity_recovery_addresses",
        List.of("id", "via", "value", "identity_id", "nid", "created_at", "updated_at"),
        People::count,
        options -> {
          long seed = options.seed();
          long duplicateRow = options.dirty() ? People.count(options) - 1 : -1;
          return (index, random, row) -> {
            LocalDateTime created = SampleTimes.wholeSeconds(random);
            row[0] = RowKeys.uuid(seed, "identity_recovery_addresses", index);
            row[1] = "email";
            row[2] =
                index == duplicateRow
                    ? caseInsensitiveDuplicateOfFirstAddress()
                    : People.loginIdentifier(People.of(seed, index));
            row[3] = People.identityId(seed, index);
            row[4] = networkId(seed);
            row[5] = created;
            row[6] = SampleTimes.after(created, random);
          };
        });
  }

  /**
   * Person 0's address with its ASCII letters in upper case: Postgres' {@code lower()} folds it
   * back under any collation (the C locale folds ASCII only), so the Postgres-only unique index
   * rejects it.
   */
  static String caseInsensitiveDuplicateOfFirstAddress() {
    StringBuilder upper = new StringBuilder();
    People.loginIdentifier(People.FIXED.get(0))
        .chars()
        .forEach(c -> upper.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : (char) c));
    return upper.toString();
  }

  private static String traits(People.Person person, long index) {
    StringBuilder traits =
        new StringBuilder("{\"email\":")
            .append(JsonText.quote(person.email()))
            .append(",\"name\":{\"first\":")
            .append(JsonText.quote(person.firstName()))
            .append(",\"last\":")
            .append(JsonText.quote(person.lastName()))
            .append('}');
    if (index < AwkwardText.CATALOGUE.size()) {
      traits.append(",\"bio\":").append(JsonText.quote(AwkwardText.CATALOGUE.get((int) index)));
    }
    return traits.append('}').toString();
  }

  private static String passwordConfig(SplittableRandom random) {
    return "{\"hashed_password\":\"$argon2id$v=19$m=65536,t=3,p=4$"
        + base64(random, 22)
        + "$"
        + base64(random, 43)
        + "\"}";
  }

  private static String oidcConfig(long identity, SplittableRandom random) {
    return "{\"providers\":[{\"subject\":\""
        + oidcSubject(identity)
        + "\",\"provider\":\"google\",\"initial_id_token\":\""
        + base64(random, 120)
        + "\",\"organization\":null}]}";
  }

  private static String oidcSubject(long identity) {
    return Long.toString(100_000_000_000_000_000L + identity);
  }

  private static String base64(SplittableRandom random, int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(64)));
    }
    return text.toString();
  }

  /** 28 versions both dialects share, plus two MySQL-only ones, in ascending order. */
  private static List<String> mysqlMigrationVersions() {
    DateTimeFormatter day = DateTimeFormatter.BASIC_ISO_DATE;
    LocalDate first = LocalDate.parse("2020-01-15");
    List<String> versions = new ArrayList<>();
    for (int k = 0; k < 28; k++) {
      String version = first.plusDays(45L * k).format(day) + "120000000000";
      versions.add(version);
      if (k == 8 || k == 21) {
        versions.add(version.substring(0, 14) + "000001");
      }
    }
    return List.copyOf(versions);
  }
}
