package dev.converge.dataset;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Alkemio's community family: {@code agent} and its {@code credential}s, {@code account} with its
 * {@code license_entitlement}s and the {@code license_plan}s, and the {@code user} table whose
 * email matches the Kratos identity of the same index.
 */
final class AlkemioCommunityTables {

  private static final String[] CREDENTIAL_TYPES = {
    "global-admin",
    "global-registered",
    "space-member",
    "space-admin",
    "space-lead",
    "user-self-management",
    "account-host",
    "organization-associate"
  };
  private static final List<String> ENTITLEMENT_TYPES =
      List.of(
          "account-space-free",
          "account-space-plus",
          "account-virtual-contributor",
          "account-innovation-hub");

  /**
   * Plain {@code datetime} edges: MySQL's largest and smallest values (the smallest predates the
   * Gregorian switch, which {@code java.sql.Timestamp} mishandles), and NULL.
   */
  private static final List<LocalDateTime> EXPIRY_EDGES =
      java.util.Arrays.asList(
          LocalDateTime.parse("9999-12-31T23:59:59"),
          LocalDateTime.parse("1000-01-01T00:00:00"),
          null);

  private AlkemioCommunityTables() {}

  static GeneratedTable agent() {
    return new StreamedTable(
        "agent",
        AlkemioEntity.columns("did", "password", "type", "authorizationId"),
        options -> AlkemioSizes.of(options).agents(),
        options -> {
          long seed = options.seed();
          AlkemioSizes sizes = AlkemioSizes.of(options);
          long authorization = sizes.authorizationOffset("agent");
          return (index, random, row) -> {
            row[0] = RowKeys.uuid(seed, "agent", index);
            int at = AlkemioEntity.audit(row, 1, random);
            row[at++] =
                "did:jolo:"
                    + Long.toHexString(random.nextLong())
                    + Long.toHexString(random.nextLong());
            row[at++] = random.nextInt(3) == 0 ? null : Long.toString(random.nextLong() >>> 1, 36);
            row[at++] = index < sizes.users() ? "user" : "account";
            row[at] = RowKeys.uuid(seed, "authorization_policy", authorization + index);
          };
        });
  }

  static GeneratedTable credential() {
    return new StreamedTable(
        "credential",
        AlkemioEntity.columns("resourceID", "type", "issuer", "expires", "agentId"),
        options -> AlkemioSizes.of(options).credentials(),
        options -> {
          long seed = options.seed();
          AlkemioSizes sizes = AlkemioSizes.of(options);
          long zeroDateRow = options.dirty() ? sizes.credentials() - 1 : -1;
          return (index, random, row) -> {
            row[0] = RowKeys.uuid(seed, "credential", index);
            int at = AlkemioEntity.audit(row, 1, random);
            String type = CREDENTIAL_TYPES[random.nextInt(CREDENTIAL_TYPES.length)];
            // Global credentials have the empty string, not NULL, as resourceID.
            row[at++] =
                index == 0 || type.startsWith("global")
                    ? ""
                    : RowKeys.uuid(seed, "space", random.nextLong(sizes.spaces()));
            row[at++] = type;
            row[at++] =
                random.nextInt(10) == 0
                    ? RowKeys.uuid(seed, "user", random.nextLong(sizes.users()))
                    : null;
            Object expires = random.nextInt(6) == 0 ? SampleTimes.wholeSeconds(random) : null;
            if (index < EXPIRY_EDGES.size()) {
              expires = EXPIRY_EDGES.get((int) index);
            }
            // Dirty values replace clean ones after they are drawn, so no other cell changes.
            row[at++] = index == zeroDateRow ? DirtyValues.ZERO_DATE : expires;
            row[at] =
                RowKeys.uuid(
                    seed, "agent", RowKeys.pick(seed, "credential.agentId", index, sizes.agents()));
          };
        });
  }

  static GeneratedTable account() {
    return new StreamedTable(
        "account",
        AlkemioEntity.columns(
            "type", "externalSubscriptionID", "authorizationId", "agentId", "storageAggregatorId"),
        options -> AlkemioSizes.of(options).accounts(),
        options -> {
          long seed = options.seed();
          AlkemioSizes sizes = AlkemioSizes.of(options);
          long authorization = sizes.authorizationOffset("account");
          return (index, random, row) -> {
            row[0] = RowKeys.uuid(seed, "account", index);
            int at = AlkemioEntity.audit(row, 1, random);
            row[at++] = random.nextInt(4) == 0 ? "organization" : "user";
            row[at++] =
                random.nextInt(3) == 0 ? "sub_" + Long.toString(random.nextLong() >>> 1, 36) : null;
            row[at++] = RowKeys.uuid(seed, "authorization_policy", authorization + index);
            row[at++] = RowKeys.uuid(seed, "agent", sizes.users() + index);
            row[at] =
                RowKeys.uuid(seed, "storage_aggregator", sizes.accountStorageAggregator(index));
          };
        });
  }

  static GeneratedTable licensePlan() {
    String[] names = {
      "Free", "Plus", "Premium", "Enterprise — Ünlimited", "Virtual Contributor", "Innovation Hub"
    };
    // The largest decimal(10,2), zero with its scale, NULL, a trailing zero.
    String[] prices = {"0.00", "99999999.99", null, "12.50", "9.99", "149.00"};
    return new StreamedTable(
        "license_plan",
        AlkemioEntity.columns(
            "name",
            "enabled",
            "sortOrder",
            "pricePerMonth",
            "isFree",
            "trialEnabled",
            "licenseCredential",
            "type"),
        options -> AlkemioSizes.LICENSE_PLANS,
        options -> {
          long seed = options.seed();
          return (index, random, row) -> {
            int plan = (int) index;
            row[0] = RowKeys.uuid(seed, "license_plan", index);
            int at = AlkemioEntity.audit(row, 1, random);
            row[at++] = names[plan];
            row[at++] = plan != 4;
            row[at++] = 10 * (plan + 1);
            row[at++] = prices[plan] == null ? null : new BigDecimal(prices[plan]);
            row[at++] = plan == 0;
            row[at++] = plan == 2;
            row[at++] =
                "license-"
                    + names[plan].toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-");
            row[at] = plan < 4 ? "space-plan" : "account-addon";
          };
        });
  }

  static GeneratedTable licenseEntitlement() {
    return new StreamedTable(
        "license_entitlement",
        AlkemioEntity.columns("type", "dataType", "limit", "enabled", "accountId"),
        options -> AlkemioSizes.of(options).entitlements(),
        options -> {
          long seed = options.seed();
          return (index, random, row) -> {
            row[0] = RowKeys.uuid(seed, "license_entitlement", index);
            int at = AlkemioEntity.audit(row, 1, random);
            row[at++] = ENTITLEMENT_TYPES.get((int) (index % ENTITLEMENT_TYPES.size()));
            row[at++] = index % 2 == 0 ? "limit" : "flag";
            // -1 means unlimited; then zero and the largest int.
            row[at++] =
                index == 0
                    ? -1
                    : index == 1 ? 0 : index == 2 ? Integer.MAX_VALUE : random.nextInt(50);
            row[at++] = random.nextInt(4) != 0;
            row[at] = RowKeys.uuid(seed, "account", index / ENTITLEMENT_TYPES.size());
          };
        });
  }

  static GeneratedTable user() {
    return new StreamedTable(
        "user",
        AlkemioEntity.columnsWithRowId(
            "nameID",
            "email",
            "firstName",
            "lastName",
            "phone",
            "accountUpn",
            "serviceProfile",
            "accountID",
            "authenticationID",
            "authorizationId",
            "profileId",
            "agentId",
            "storageAggregatorId"),
        People::count,
        options -> {
          long seed = options.seed();
          AlkemioSizes sizes = AlkemioSizes.of(options);
          long authorization = sizes.authorizationOffset("user");
          long tooLongRow = options.dirty() ? sizes.users() - 1 : -1;
          long outOfRangeRow = options.dirty() ? sizes.users() - 2 : -1;
          return (index, random, row) -> {
            People.Person person = People.of(seed, index);
            row[0] = RowKeys.uuid(seed, "user", index);
            row[1] = AlkemioEntity.rowId(index);
            int at = AlkemioEntity.audit(row, 2, random);
            row[at++] =
                AlkemioEntity.nameId("user", person.firstName() + " " + person.lastName(), index);
            row[at++] = person.email();
            row[at++] = index == tooLongRow ? DirtyValues.TOO_LONG_FIRST_NAME : person.firstName();
            row[at++] = person.lastName();
            row[at++] = phone(random);
            row[at++] = People.loginIdentifier(person);
            boolean serviceProfile = random.nextInt(200) == 0;
            row[at++] =
                index == outOfRangeRow ? DirtyValues.OUT_OF_RANGE_BOOLEAN : (Object) serviceProfile;
            row[at++] =
                RowKeys.uuid(
                    seed, "account", RowKeys.pick(seed, "user.accountID", index, sizes.accounts()));
            row[at++] = People.identityId(seed, index);
            row[at++] = RowKeys.uuid(seed, "authorization_policy", authorization + index);
            row[at++] = RowKeys.uuid(seed, "profile", index);
            row[at++] = RowKeys.uuid(seed, "agent", index);
            row[at] = RowKeys.uuid(seed, "storage_aggregator", sizes.userStorageAggregator(index));
          };
        });
  }

  private static String phone(java.util.SplittableRandom random) {
    return switch (random.nextInt(4)) {
      case 0 -> null;
      case 1 -> "";
      default ->
          "+"
              + (1 + random.nextInt(98))
              + " "
              + (100 + random.nextInt(900))
              + " "
              + (1_000_000 + random.nextInt(9_000_000));
    };
  }
}
