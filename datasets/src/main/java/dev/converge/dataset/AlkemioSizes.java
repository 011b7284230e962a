package dev.converge.dataset;

import java.util.List;

/**
 * Row counts of every Alkemio table at one scale, and where each owner's rows sit inside the tables
 * they share (authorization policies, profiles, storage aggregators, agents).
 *
 * <p>Only a few counts scale independently; the rest follow from them, so parent and child counts
 * always agree and a child computes its parent's row index with arithmetic.
 */
record AlkemioSizes(
    long users,
    long accounts,
    long spaces,
    long documents,
    long credentials,
    long activities,
    long notifications,
    long cacheEntries) {

  /** Tables whose rows each own one authorization policy, in the order of their policy blocks. */
  static final List<String> AUTHORIZATION_OWNERS =
      List.of(
          "platform",
          "storage_aggregator",
          "storage_bucket",
          "profile",
          "tagset",
          "visual",
          "document",
          "agent",
          "account",
          "user",
          "collaboration",
          "space",
          "callout",
          "callout_contribution",
          "whiteboard");

  static final int LICENSE_PLANS = 6;
  static final int TYPEORM_MIGRATIONS = 12;

  AlkemioSizes {
    if (users < 3 || accounts < 1 || spaces < 4) {
      throw new IllegalArgumentException("too few users, accounts or spaces for the traps");
    }
  }

  static AlkemioSizes of(DatasetOptions options) {
    return new AlkemioSizes(
        People.count(options),
        options.scaledCount(8_000, 2),
        options.scaledCount(16_000, 4),
        options.scaledCount(60_000, 4),
        options.scaledCount(38_000, 5),
        options.scaledCount(50_000, 12),
        options.scaledCount(40_000, 4),
        options.scaledCount(200, 2));
  }

  long levelZeroSpaces() {
    return Math.max(1, spaces / 8);
  }

  long levelOneSpaces() {
    return Math.max(1, spaces * 3 / 8);
  }

  /** One for the platform, then one per user, space and account, in that order. */
  long storageAggregators() {
    return 1 + users + spaces + accounts;
  }

  long userStorageAggregator(long user) {
    return 1 + user;
  }

  long spaceStorageAggregator(long space) {
    return 1 + users + space;
  }

  long accountStorageAggregator(long account) {
    return 1 + users + spaces + account;
  }

  /** Bucket i below the aggregator count is aggregator i's direct storage; the rest are extra. */
  long storageBuckets() {
    return 2 * storageAggregators();
  }

  long callouts() {
    return 3 * spaces;
  }

  long contributions() {
    return 2 * callouts();
  }

  /** Every fourth contribution is a whiteboard. */
  long whiteboards() {
    return (contributions() + 3) / 4;
  }

  /** Users' profiles, then spaces', then callout framings, then whiteboards'. */
  long profiles() {
    return users + spaces + callouts() + whiteboards();
  }

  long spaceProfile(long space) {
    return users + space;
  }

  long calloutProfile(long callout) {
    return users + spaces + callout;
  }

  long whiteboardProfile(long whiteboard) {
    return users + spaces + callouts() + whiteboard;
  }

  /** Profiles of users and spaces have a location (same index) and a visual (same index). */
  long locations() {
    return users + spaces;
  }

  long visuals() {
    return users + spaces;
  }

  long tagsets() {
    return profiles();
  }

  /** Users' agents, then accounts'. */
  long agents() {
    return users + accounts;
  }

  long entitlements() {
    return 4 * accounts;
  }

  long memberships() {
    return 3 * spaces;
  }

  /** Rows of {@code table}, for every generated table. */
  long rows(String table) {
    return switch (table) {
      case "authorization_policy" -> authorizationPolicies();
      case "platform" -> 1;
      case "storage_aggregator" -> storageAggregators();
      case "storage_bucket" -> storageBuckets();
      case "location" -> locations();
      case "profile" -> profiles();
      case "tagset" -> tagsets();
      case "visual" -> visuals();
      case "document" -> documents;
      case "agent" -> agents();
      case "credential" -> credentials;
      case "account" -> accounts;
      case "license_plan" -> LICENSE_PLANS;
      case "license_entitlement" -> entitlements();
      case "user" -> users;
      case "collaboration" -> spaces;
      case "space" -> spaces;
      case "space_members_user" -> memberships();
      case "callout" -> callouts();
      case "callout_contribution" -> contributions();
      case "whiteboard" -> whiteboards();
      case "activity" -> activities;
      case "in_app_notification" -> notifications;
      case "query-result-cache" -> cacheEntries;
      case "migrations_typeorm" -> TYPEORM_MIGRATIONS;
      default -> throw new IllegalArgumentException("not an Alkemio table: " + table);
    };
  }

  /** Index of the first authorization policy owned by {@code owner}'s rows. */
  long authorizationOffset(String owner) {
    long offset = 0;
    for (String table : AUTHORIZATION_OWNERS) {
      if (table.equals(owner)) {
        return offset;
      }
      offset += rows(table);
    }
    throw new IllegalArgumentException("does not own authorization policies: " + owner);
  }

  /** Owned policies plus 15% orphans (policies whose owner was deleted, as in a real database). */
  long authorizationPolicies() {
    long owned = 0;
    for (String table : AUTHORIZATION_OWNERS) {
      owned += rows(table);
    }
    return owned + owned * 15 / 100;
  }
}
