package dev.converge.dataset;

import java.util.SplittableRandom;

/**
 * Alkemio's activity family, whose instants become {@code timestamptz} in Postgres ({@code
 * activity}, {@code in_app_notification}), and the two tables converge must never copy: the
 * transient {@code query-result-cache} and the migration history {@code migrations_typeorm}.
 */
final class AlkemioActivityTables {

  private static final String[] ACTIVITY_TYPES = {
    "member-joined", "callout-published", "post-created", "post-comment", "message-sent",
    "discussion-comment", "whiteboard-created", "link-contribution", "subspace-created",
        "update-sent"
  };
  private static final String[] NOTIFICATION_TYPES = {
    "collaboration-callout-published",
    "space-community-new-member",
    "user-mentioned",
    "platform-forum-discussion-comment",
    "organization-message-recipient"
  };
  private static final String[] MIGRATIONS = {
    "InitialSchema",
    "AuthorizationPolicyJson",
    "StorageAggregator",
    "StorageBucketCycle",
    "SpaceLevels",
    "LicensePlans",
    "LicenseEntitlements",
    "UserRowId",
    "ActivityTimestamps",
    "InAppNotifications",
    "WhiteboardContentLongtext",
    "DocumentMimeTypeEnum"
  };

  private AlkemioActivityTables() {}

  static GeneratedTable activity() {
    return new StreamedTable(
        "activity",
        AlkemioEntity.columnsWithRowId(
            "triggeredBy",
            "resourceID",
            "parentID",
            "collaborationID",
            "messageID",
            "visibility",
            "description",
            "type"),
        options -> AlkemioSizes.of(options).activities(),
        options -> {
          long seed = options.seed();
          AlkemioSizes sizes = AlkemioSizes.of(options);
          long invalidUuidRow = options.dirty() ? sizes.activities() - 1 : -1;
          return (index, random, row) -> {
            row[0] = RowKeys.uuid(seed, "activity", index);
            row[1] = AlkemioEntity.rowId(index);
            int at = AlkemioEntity.audit(row, 2, random);
            if (index < SampleTimes.TIMESTAMP_EDGES.size()) {
              row[2] = SampleTimes.TIMESTAMP_EDGES.get((int) index);
              row[3] = row[2];
            }
            long callout = random.nextLong(sizes.callouts());
            String triggeredBy = RowKeys.uuid(seed, "user", random.nextLong(sizes.users()));
            // Dirty values replace clean ones after they are drawn, so no other cell changes.
            row[at++] = index == invalidUuidRow ? DirtyValues.INVALID_UUID : triggeredBy;
            row[at++] = RowKeys.uuid(seed, "callout", callout);
            row[at++] =
                random.nextInt(3) == 0
                    ? null
                    : RowKeys.uuid(seed, "callout_contribution", 2 * callout);
            row[at++] = RowKeys.uuid(seed, "collaboration", callout / 3);
            row[at++] = random.nextInt(4) == 0 ? null : matrixEventId(random);
            row[at++] = random.nextInt(10) != 0;
            row[at++] =
                index < AwkwardText.trapRows(true)
                    ? AwkwardText.trap(index, true)
                    : random.nextInt(5) == 0 ? null : AwkwardText.sentence(random, 3, 15);
            row[at] = ACTIVITY_TYPES[random.nextInt(ACTIVITY_TYPES.length)];
          };
        });
  }

  static GeneratedTable inAppNotification() {
    return new StreamedTable(
        "in_app_notification",
        AlkemioEntity.columns(
            "triggeredAt", "type", "state", "category", "triggeredByID", "receiverID", "payload"),
        options -> AlkemioSizes.of(options).notifications(),
        options -> {
          long seed = options.seed();
          AlkemioSizes sizes = AlkemioSizes.of(options);
          return (index, random, row) -> {
            row[0] = RowKeys.uuid(seed, "in_app_notification", index);
            int at = AlkemioEntity.audit(row, 1, random);
            row[at++] =
                index < SampleTimes.TIMESTAMP_EDGES.size()
                    ? SampleTimes.TIMESTAMP_EDGES.get((int) index)
                    : SampleTimes.wholeSeconds(random);
            String type = NOTIFICATION_TYPES[random.nextInt(NOTIFICATION_TYPES.length)];
            row[at++] = type;
            row[at++] =
                random.nextInt(3) == 0 ? "unread" : random.nextInt(4) == 0 ? "archived" : "read";
            row[at++] = random.nextBoolean() ? "member" : "admin";
            row[at++] =
                random.nextInt(5) == 0
                    ? null
                    : RowKeys.uuid(seed, "user", random.nextLong(sizes.users()));
            row[at++] =
                RowKeys.uuid(
                    seed,
                    "user",
                    RowKeys.pick(seed, "in_app_notification.receiverID", index, sizes.users()));
            row[at] =
                index < JsonText.TRAP_DOCUMENTS.size()
                    ? JsonText.TRAP_DOCUMENTS.get((int) index)
                    : payload(seed, sizes, type, random);
          };
        });
  }

  static GeneratedTable queryResultCache() {
    return new StreamedTable(
        "query-result-cache",
        java.util.List.of("id", "identifier", "time", "duration", "query", "result"),
        options -> AlkemioSizes.of(options).cacheEntries(),
        options ->
            (index, random, row) -> {
              row[0] = (int) index + 1;
              row[1] = random.nextBoolean() ? null : "space-by-nameID-" + index;
              row[2] = 1_735_689_600_000L + index * 1_000L;
              row[3] = 60_000;
              row[4] =
                  "SELECT `Space`.`id` AS `Space_id`, `Space`.`nameID` FROM `space` `Space` WHERE"
                      + " `Space`.`nameID` = 'space-"
                      + index
                      + "'";
              row[5] =
                  "[{\"Space_id\":\""
                      + RowKeys.uuid(options.seed(), "space", 0)
                      + "\",\"Space_nameID\":\"space-"
                      + index
                      + "\"}]";
            });
  }

  static GeneratedTable migrationsTypeorm() {
    return new StreamedTable(
        "migrations_typeorm",
        java.util.List.of("id", "timestamp", "name"),
        options -> AlkemioSizes.TYPEORM_MIGRATIONS,
        options ->
            (index, random, row) -> {
              long timestamp = 1_672_531_200_000L + index * 2_592_000_000L;
              row[0] = (int) index + 1;
              row[1] = timestamp;
              row[2] = MIGRATIONS[(int) index] + timestamp;
            });
  }

  /** A Matrix event id: {@code $} and 43 base64url characters, the column's full 44. */
  private static String matrixEventId(SplittableRandom random) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    StringBuilder id = new StringBuilder(44).append('$');
    for (int i = 0; i < 43; i++) {
      id.append(alphabet.charAt(random.nextInt(64)));
    }
    return id.toString();
  }

  private static String payload(
      long seed, AlkemioSizes sizes, String type, SplittableRandom random) {
    return "{\"type\":\""
        + type
        + "\",\"spaceID\":\""
        + RowKeys.uuid(seed, "space", random.nextLong(sizes.spaces()))
        + "\",\"message\":"
        + JsonText.quote(AwkwardText.sentence(random, 3, 12))
        + ",\"counts\":{\"members\":"
        + random.nextInt(500)
        + "}}";
  }
}
