package dev.converge.dataset;

import java.util.SplittableRandom;

/**
 * Alkemio's collaboration family: {@code space} with its three-level self-reference, the composite
 * key join table {@code space_members_user}, and the deepest FK chain, {@code whiteboard} → {@code
 * callout_contribution} → {@code callout} → {@code profile} → {@code storage_bucket} → {@code
 * storage_aggregator} → {@code authorization_policy}.
 */
final class AlkemioSpaceTables {

  private static final String[] CALLOUT_TYPES = {
    "post", "whiteboard", "link-collection", "post-collection", "whiteboard-collection"
  };
  private static final String[] VISIBILITIES = {
    "active", "active", "active", "archived", "demo", "inactive"
  };
  private static final String[] UPDATE_POLICIES = {"owner", "admins", "contributors"};

  private AlkemioSpaceTables() {}

  static GeneratedTable collaboration() {
    return new StreamedTable(
        "collaboration",
        AlkemioEntity.columns("isTemplate", "groupsStr", "authorizationId"),
        options -> AlkemioSizes.of(options).spaces(),
        options -> {
          long seed = options.seed();
          long authorization = AlkemioSizes.of(options).authorizationOffset("collaboration");
          return (index, random, row) -> {
            row[0] = RowKeys.uuid(seed, "collaboration", index);
            int at = AlkemioEntity.audit(row, 1, random);
            row[at++] = random.nextInt(20) == 0;
            row[at++] =
                "[{\"displayName\":\"HOME\",\"sortOrder\":1},{\"displayName\":\"CONTRIBUTE\",\"sortOrder\":2},"
                    + "{\"displayName\":"
                    + JsonText.quote(AwkwardText.title(random, 40))
                    + ",\"sortOrder\":3}]";
            row[at] = RowKeys.uuid(seed, "authorization_policy", authorization + index);
          };
        });
  }

  static GeneratedTable space() {
    return new StreamedTable(
        "space",
        AlkemioEntity.columnsWithRowId(
            "nameID",
            "level",
            "visibility",
            "settingsStr",
            "parentSpaceId",
            "levelZeroSpaceID",
            "accountId",
            "authorizationId",
            "profileId",
            "collaborationId",
            "storageAggregatorId"),
        options -> AlkemioSizes.of(options).spaces(),
        options -> {
          long seed = options.seed();
          AlkemioSizes sizes = AlkemioSizes.of(options);
          long authorization = sizes.authorizationOffset("space");
          return (index, random, row) -> {
            int level = level(sizes, index);
            long parent = parent(seed, sizes, index);
            long levelZero = level == 0 ? index : level == 1 ? parent : parent(seed, sizes, parent);
            row[0] = RowKeys.uuid(seed, "space", index);
            row[1] = AlkemioEntity.rowId(index);
            int at = AlkemioEntity.audit(row, 2, random);
            row[at++] = AlkemioEntity.nameId("space", AwkwardText.title(random, 30), index);
            row[at++] = level;
            row[at++] = VISIBILITIES[random.nextInt(VISIBILITIES.length)];
            row[at++] = settings(random);
            row[at++] = level == 0 ? null : RowKeys.uuid(seed, "space", parent);
            row[at++] = RowKeys.uuid(seed, "space", levelZero);
            row[at++] =
                level == 0
                    ? RowKeys.uuid(
                        seed,
                        "account",
                        RowKeys.pick(seed, "space.accountId", index, sizes.accounts()))
                    : null;
            row[at++] = RowKeys.uuid(seed, "authorization_policy", authorization + index);
            row[at++] = RowKeys.uuid(seed, "profile", sizes.spaceProfile(index));
            row[at++] = RowKeys.uuid(seed, "collaboration", index);
            row[at] = RowKeys.uuid(seed, "storage_aggregator", sizes.spaceStorageAggregator(index));
          };
        });
  }

  static GeneratedTable spaceMembers() {
    return new StreamedTable(
        "space_members_user",
        java.util.List.of("spaceId", "userId"),
        options -> AlkemioSizes.of(options).memberships(),
        options -> {
          long seed = options.seed();
          AlkemioSizes sizes = AlkemioSizes.of(options);
          return (index, random, row) -> {
            long space = index / 3;
            // Three consecutive users per space: distinct, so the composite key holds.
            long firstUser = RowKeys.pick(seed, "space_members_user.userId", space, sizes.users());
            row[0] = RowKeys.uuid(seed, "space", space);
            row[1] = RowKeys.uuid(seed, "user", (firstUser + index % 3) % sizes.users());
          };
        });
  }

  static GeneratedTable callout() {
    return new StreamedTable(
        "callout",
        AlkemioEntity.columns(
            "nameID",
            "type",
            "visibility",
            "sortOrder",
            "createdBy",
            "contributionDefaults",
            "authorizationId",
            "framingId",
            "collaborationId"),
        options -> AlkemioSizes.of(options).callouts(),
        options -> {
          long seed = options.seed();
          AlkemioSizes sizes = AlkemioSizes.of(options);
          long authorization = sizes.authorizationOffset("callout");
          return (index, random, row) -> {
            row[0] = RowKeys.uuid(seed, "callout", index);
            int at = AlkemioEntity.audit(row, 1, random);
            row[at++] = AlkemioEntity.nameId("callout", AwkwardText.title(random, 30), index);
            row[at++] = CALLOUT_TYPES[random.nextInt(CALLOUT_TYPES.length)];
            row[at++] = random.nextInt(4) == 0 ? "draft" : "published";
            row[at++] = (int) (index % 3) + 1;
            row[at++] =
                RowKeys.uuid(
                    seed, "user", RowKeys.pick(seed, "callout.createdBy", index, sizes.users()));
            row[at++] = contributionDefaults(index, random);
            row[at++] = RowKeys.uuid(seed, "authorization_policy", authorization + index);
            row[at++] = RowKeys.uuid(seed, "profile", sizes.calloutProfile(index));
            row[at] = RowKeys.uuid(seed, "collaboration", index / 3);
          };
        });
  }

  static GeneratedTable calloutContribution() {
    return new StreamedTable(
        "callout_contribution",
        AlkemioEntity.columns("sortOrder", "createdBy", "authorizationId", "calloutId"),
        options -> AlkemioSizes.of(options).contributions(),
        options -> {
          long seed = options.seed();
          AlkemioSizes sizes = AlkemioSizes.of(options);
          long authorization = sizes.authorizationOffset("callout_contribution");
          return (index, random, row) -> {
            row[0] = RowKeys.uuid(seed, "callout_contribution", index);
            int at = AlkemioEntity.audit(row, 1, random);
            row[at++] = (int) (index % 2);
            row[at++] =
                random.nextInt(10) == 0
                    ? null
                    : RowKeys.uuid(seed, "user", random.nextLong(sizes.users()));
            row[at++] = RowKeys.uuid(seed, "authorization_policy", authorization + index);
            row[at] = RowKeys.uuid(seed, "callout", index / 2);
          };
        });
  }

  static GeneratedTable whiteboard() {
    return new StreamedTable(
        "whiteboard",
        AlkemioEntity.columns(
            "nameID",
            "content",
            "contentUpdatePolicy",
            "createdBy",
            "authorizationId",
            "profileId",
            "contributionId"),
        options -> AlkemioSizes.of(options).whiteboards(),
        options -> {
          long seed = options.seed();
          AlkemioSizes sizes = AlkemioSizes.of(options);
          long authorization = sizes.authorizationOffset("whiteboard");
          long nulRow = options.dirty() ? sizes.whiteboards() - 1 : -1;
          return (index, random, row) -> {
            row[0] = RowKeys.uuid(seed, "whiteboard", index);
            int at = AlkemioEntity.audit(row, 1, random);
            row[at++] = AlkemioEntity.nameId("whiteboard", AwkwardText.title(random, 30), index);
            String content = content(index, random);
            // Dirty values replace clean ones after they are drawn, so no other cell changes.
            row[at++] = index == nulRow ? DirtyValues.TEXT_WITH_NUL : content;
            row[at++] = UPDATE_POLICIES[random.nextInt(UPDATE_POLICIES.length)];
            row[at++] =
                random.nextInt(10) == 0
                    ? null
                    : RowKeys.uuid(seed, "user", random.nextLong(sizes.users()));
            row[at++] = RowKeys.uuid(seed, "authorization_policy", authorization + index);
            row[at++] = RowKeys.uuid(seed, "profile", sizes.whiteboardProfile(index));
            row[at] = RowKeys.uuid(seed, "callout_contribution", 4 * index);
          };
        });
  }

  /** Spaces are ordered by level, so every parent precedes its children. */
  private static int level(AlkemioSizes sizes, long space) {
    if (space < sizes.levelZeroSpaces()) {
      return 0;
    }
    return space < sizes.levelZeroSpaces() + sizes.levelOneSpaces() ? 1 : 2;
  }

  /** The parent's row index, or -1 for a level-zero space. */
  private static long parent(long seed, AlkemioSizes sizes, long space) {
    long levelZero = sizes.levelZeroSpaces();
    return switch (level(sizes, space)) {
      case 0 -> -1;
      case 1 -> RowKeys.pick(seed, "space.parentSpaceId", space, levelZero);
      default ->
          levelZero + RowKeys.pick(seed, "space.parentSpaceId", space, sizes.levelOneSpaces());
    };
  }

  private static String settings(SplittableRandom random) {
    return "{\"privacy\":{\"mode\":\""
        + (random.nextBoolean() ? "public" : "private")
        + "\",\"allowPlatformSupportAsAdmin\":"
        + random.nextBoolean()
        + "},\"membership\":{\"policy\":\"applications\",\"trustedOrganizations\":[]},"
        + "\"collaboration\":{\"inheritMembershipRights\":true,\"allowMembersToCreateCallouts\":"
        + random.nextBoolean()
        + "}}";
  }

  private static String contributionDefaults(long index, SplittableRandom random) {
    if (index < JsonText.TRAP_DOCUMENTS.size()) {
      return JsonText.TRAP_DOCUMENTS.get((int) index);
    }
    if (random.nextInt(3) == 0) {
      return null;
    }
    return "{\"postDescription\":"
        + JsonText.quote(AwkwardText.sentence(random, 4, 12) + "\n- item\n- \"quoted\"")
        + ",\"whiteboardContent\":null}";
  }

  /**
   * Row 0 holds every character U+0001 to U+00FF (bytes stored as Latin-1 characters), row 1 is
   * empty; the rest is 1 to 3 KB of such characters, as a compressed drawing exported as text.
   */
  private static String content(long index, SplittableRandom random) {
    if (index == 0) {
      StringBuilder all = new StringBuilder(255);
      for (char c = 1; c <= 0xFF; c++) {
        all.append(c);
      }
      return all.toString();
    }
    if (index == 1) {
      return "";
    }
    char[] content = new char[1_000 + random.nextInt(2_001)];
    long bits = 0;
    for (int i = 0; i < content.length; i++) {
      // Eight characters per random long; a zero byte becomes U+0001, clean text has no U+0000.
      if (i % 8 == 0) {
        bits = random.nextLong();
      }
      content[i] = (char) Math.max(1, bits & 0xFF);
      bits >>>= 8;
    }
    return new String(content);
  }
}
