package dev.converge.dataset;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Alkemio's authorization and storage family: {@code authorization_policy} (the largest table, with
 * multi-KB JSON rules and a self-reference), {@code platform}, the {@code storage_aggregator} ↔
 * {@code storage_bucket} FK cycle, and {@code document}.
 */
final class AlkemioStorageTables {

  static final List<String> MIME_TYPES =
      List.of(
          "image/png",
          "image/jpeg",
          "image/gif",
          "image/svg+xml",
          "image/webp",
          "image/avif",
          "application/pdf",
          "application/msword",
          "application/vnd.ms-excel",
          "text/plain");

  private static final String[] PRIVILEGES = {
    "create",
    "read",
    "update",
    "delete",
    "grant",
    "contribute",
    "update-content",
    "create-callout",
    "read-users",
    "platform-admin",
    "access-interactive-guidance"
  };
  private static final String[] CRITERIA_TYPES = {
    "global-admin",
    "global-registered",
    "space-member",
    "space-admin",
    "space-lead",
    "user-self-management",
    "account-host",
    "organization-associate",
    "user-group-member"
  };
  private static final String[] RULE_NAMES = {
    "space-member-read",
    "space-admin-all",
    "global-support",
    "self-manage",
    "cascade-read",
    "contributor-update",
    "lead-grant",
    "anonymous-read"
  };

  private AlkemioStorageTables() {}

  static GeneratedTable authorizationPolicy() {
    return new StreamedTable(
        "authorization_policy",
        AlkemioEntity.columns(
            "credentialRules",
            "privilegeRules",
            "anonymousReadAccess",
            "type",
            "parentAuthorizationPolicyId"),
        options -> AlkemioSizes.of(options).authorizationPolicies(),
        options -> {
          long seed = options.seed();
          AlkemioSizes sizes = AlkemioSizes.of(options);
          long[] blockEnds = new long[AlkemioSizes.AUTHORIZATION_OWNERS.size()];
          long end = 0;
          for (int owner = 0; owner < blockEnds.length; owner++) {
            end += sizes.rows(AlkemioSizes.AUTHORIZATION_OWNERS.get(owner));
            blockEnds[owner] = end;
          }
          return (index, random, row) -> {
            row[0] = RowKeys.uuid(seed, "authorization_policy", index);
            int at = AlkemioEntity.audit(row, 1, random);
            if (index < SampleTimes.MICROSECOND_EDGES.size()) {
              row[1] = SampleTimes.MICROSECOND_EDGES.get((int) index);
              row[2] = row[1];
            }
            row[at++] =
                index < JsonText.TRAP_DOCUMENTS.size()
                    ? JsonText.TRAP_DOCUMENTS.get((int) index)
                    : credentialRules(random);
            row[at++] = privilegeRules(random);
            row[at++] = random.nextInt(4) == 0;
            row[at++] = ownerType(blockEnds, index);
            // A parent always has a lower index, so the table loads in order with FK checks on.
            row[at] =
                index > 0 && random.nextInt(10) < 7
                    ? RowKeys.uuid(
                        seed,
                        "authorization_policy",
                        RowKeys.pick(seed, "authorization_policy.parent", index, index))
                    : null;
          };
        });
  }

  static GeneratedTable platform() {
    return new StreamedTable(
        "platform",
        AlkemioEntity.columns("settings", "authorizationId", "storageAggregatorId"),
        options -> 1,
        options -> {
          long seed = options.seed();
          long authorization = AlkemioSizes.of(options).authorizationOffset("platform");
          return (index, random, row) -> {
            row[0] = RowKeys.uuid(seed, "platform", index);
            int at = AlkemioEntity.audit(row, 1, random);
            row[at++] =
                "{\"integration\":{\"notificationEmailBlacklist\":[\"spam@example.org\"]},"
                    + "\"locations\":{\"about\":\"https://example.org/about?lang=de&x=\\\"1\\\"\"}}";
            row[at++] = RowKeys.uuid(seed, "authorization_policy", authorization + index);
            row[at] = RowKeys.uuid(seed, "storage_aggregator", 0);
          };
        });
  }

  static GeneratedTable storageAggregator() {
    return new StreamedTable(
        "storage_aggregator",
        AlkemioEntity.columns("type", "authorizationId", "directStorageId"),
        options -> AlkemioSizes.of(options).storageAggregators(),
        options -> {
          long seed = options.seed();
          AlkemioSizes sizes = AlkemioSizes.of(options);
          long authorization = sizes.authorizationOffset("storage_aggregator");
          return (index, random, row) -> {
            row[0] = RowKeys.uuid(seed, "storage_aggregator", index);
            int at = AlkemioEntity.audit(row, 1, random);
            row[at++] =
                index == 0
                    ? "platform"
                    : index <= sizes.users()
                        ? "user"
                        : index <= sizes.users() + sizes.spaces() ? "space" : "account";
            row[at++] = RowKeys.uuid(seed, "authorization_policy", authorization + index);
            // Half of the FK cycle: points forward at storage_bucket, which loads after this table.
            row[at] = RowKeys.uuid(seed, "storage_bucket", index);
          };
        });
  }

  static GeneratedTable storageBucket() {
    return new StreamedTable(
        "storage_bucket",
        AlkemioEntity.columns(
            "allowedMimeTypes", "maxFileSize", "authorizationId", "storageAggregatorId"),
        options -> AlkemioSizes.of(options).storageBuckets(),
        options -> {
          long seed = options.seed();
          AlkemioSizes sizes = AlkemioSizes.of(options);
          long authorization = sizes.authorizationOffset("storage_bucket");
          long aggregators = sizes.storageAggregators();
          return (index, random, row) -> {
            row[0] = RowKeys.uuid(seed, "storage_bucket", index);
            int at = AlkemioEntity.audit(row, 1, random);
            row[at++] = mimeTypeList(random);
            row[at++] = (1 + random.nextInt(30)) * 1_048_576;
            row[at++] = RowKeys.uuid(seed, "authorization_policy", authorization + index);
            boolean direct = index < aggregators;
            // Every 50th extra bucket lost its aggregator (ON DELETE SET NULL).
            row[at] =
                direct || index % 50 != 0
                    ? RowKeys.uuid(seed, "storage_aggregator", index % aggregators)
                    : null;
          };
        });
  }

  static GeneratedTable document() {
    return new StreamedTable(
        "document",
        AlkemioEntity.columns(
            "displayName",
            "mimeType",
            "size",
            "externalID",
            "anonymousReadAccess",
            "temporaryLocation",
            "createdBy",
            "authorizationId",
            "storageBucketId"),
        options -> AlkemioSizes.of(options).documents(),
        options -> {
          long seed = options.seed();
          AlkemioSizes sizes = AlkemioSizes.of(options);
          long authorization = sizes.authorizationOffset("document");
          return (index, random, row) -> {
            row[0] = RowKeys.uuid(seed, "document", index);
            int at = AlkemioEntity.audit(row, 1, random);
            String mimeType = MIME_TYPES.get(random.nextInt(MIME_TYPES.size()));
            // Row 0: 255 characters, the column's limit, as 1020 bytes of 4-byte UTF-8.
            row[at++] =
                index == 0
                    ? "📄".repeat(255)
                    : AwkwardText.title(random, 200)
                        + "."
                        + mimeType.substring(mimeType.indexOf('/') + 1);
            row[at++] = mimeType;
            row[at++] =
                index == 0 ? 0 : index == 1 ? Integer.MAX_VALUE : 1 + random.nextInt(25_000_000);
            row[at++] = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            row[at++] = random.nextInt(5) == 0;
            row[at++] = random.nextInt(50) == 0;
            row[at++] =
                RowKeys.uuid(
                    seed, "user", RowKeys.pick(seed, "document.createdBy", index, sizes.users()));
            row[at++] = RowKeys.uuid(seed, "authorization_policy", authorization + index);
            row[at] =
                RowKeys.uuid(
                    seed,
                    "storage_bucket",
                    RowKeys.pick(seed, "document.storageBucketId", index, sizes.storageBuckets()));
          };
        });
  }

  /** A comma list as TypeORM's simple-array stores it. */
  static String mimeTypeList(SplittableRandom random) {
    StringBuilder list = new StringBuilder();
    int first = random.nextInt(MIME_TYPES.size());
    int count = 1 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        list.append(',');
      }
      list.append(MIME_TYPES.get((first + i) % MIME_TYPES.size()));
    }
    return list.toString();
  }

  /** Owner table of policy {@code index}, or NULL for the orphans after the last owner block. */
  private static String ownerType(long[] blockEnds, long index) {
    for (int owner = 0; owner < blockEnds.length; owner++) {
      if (index < blockEnds[owner]) {
        return AlkemioSizes.AUTHORIZATION_OWNERS.get(owner).replace('_', '-');
      }
    }
    return null;
  }

  /**
   * 0.5 to 4 KB of rules (1.3 KB on average), skewed to the small end as in a real policy table.
   */
  private static String credentialRules(SplittableRandom random) {
    double skew = random.nextDouble();
    int target = 512 + (int) (3584 * skew * skew * skew * skew);
    StringBuilder json = new StringBuilder(target + 400).append('[');
    for (int rule = 0; json.length() < target; rule++) {
      if (rule > 0) {
        json.append(',');
      }
      json.append("{\"name\":\"")
          .append(RULE_NAMES[random.nextInt(RULE_NAMES.length)])
          .append('-')
          .append(rule)
          .append("\",\"cascade\":")
          .append(random.nextBoolean())
          .append(",\"grantedPrivileges\":[");
      int privileges = 1 + random.nextInt(5);
      int first = random.nextInt(PRIVILEGES.length);
      for (int p = 0; p < privileges; p++) {
        json.append(p > 0 ? ",\"" : "\"")
            .append(PRIVILEGES[(first + p) % PRIVILEGES.length])
            .append('"');
      }
      json.append("],\"criterias\":[{\"type\":\"")
          .append(CRITERIA_TYPES[random.nextInt(CRITERIA_TYPES.length)])
          .append("\",\"resourceID\":\"")
          .append(new UUID(random.nextLong(), random.nextLong()))
          .append("\"}]}");
    }
    return json.append(']').toString();
  }

  private static String privilegeRules(SplittableRandom random) {
    if (random.nextInt(3) == 0) {
      return "[]";
    }
    return "[{\"sourcePrivilege\":\""
        + PRIVILEGES[random.nextInt(PRIVILEGES.length)]
        + "\",\"grantedPrivileges\":[\""
        + PRIVILEGES[random.nextInt(PRIVILEGES.length)]
        + "\"],\"name\":\"privilege-rule\"}]";
  }
}
