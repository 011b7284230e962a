package dev.converge.dataset;

import java.util.SplittableRandom;

/**
 * Alkemio's profile family: {@code location} and {@code profile} carry most of the awkward text,
 * {@code tagset} holds simple-array comma lists, {@code visual} the {@code mediumblob}.
 */
final class AlkemioProfileTables {

  private static final String[][] PLACES = {
    {"Zürich", "Switzerland", "ZH", "8001"},
    {"São Paulo", "Brasil", "SP", "01310-100"},
    {"Kraków", "Polska", "małopolskie", "31-008"},
    {"東京", "日本", "東京都", "150-0041"},
    {"القاهرة", "مصر", "القاهرة", "11511"},
    {"Reykjavík", "Ísland", "Höfuðborgarsvæðið", "101"},
    {"Montréal", "Canada", "Québec", "H2X 1Y4"},
    {"Den Haag", "Nederland", "Zuid-Holland", "2511 CV"},
    {"Nairobi", "Kenya", "Nairobi County", "00100"},
    {"Dublin", "Éire", "Leinster", "D02 X285"}
  };
  private static final String[] STREETS = {
    "Hauptstraße", "Rua Augusta", "ulica Floriańska", "Avenue du Mont-Royal", "O'Connell Street",
    "Laugavegur", "Lange Voorhout", "Kenyatta Avenue", "Bahnhofstrasse", "Calle de Alcalá"
  };

  private AlkemioProfileTables() {}

  static GeneratedTable location() {
    return new StreamedTable(
        "location",
        AlkemioEntity.columns(
            "city", "country", "addressLine1", "addressLine2", "stateOrProvince", "postalCode"),
        options -> AlkemioSizes.of(options).locations(),
        options -> {
          long seed = options.seed();
          return (index, random, row) -> {
            row[0] = RowKeys.uuid(seed, "location", index);
            int at = AlkemioEntity.audit(row, 1, random);
            if (index < SampleTimes.MICROSECOND_EDGES.size()) {
              row[1] = SampleTimes.MICROSECOND_EDGES.get((int) index);
              row[2] = row[1];
            }
            String[] place = PLACES[random.nextInt(PLACES.length)];
            row[at++] = place[0];
            row[at++] = place[1];
            row[at++] =
                index < AwkwardText.trapRows(true)
                    ? AwkwardText.trap(index, true)
                    : STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(200));
            // Empty string and NULL both occur, meaning different things.
            row[at++] = random.nextInt(3) == 0 ? "" : random.nextBoolean() ? null : "2. OG, links";
            row[at++] = place[2];
            row[at] = place[3];
          };
        });
  }

  static GeneratedTable profile() {
    return new StreamedTable(
        "profile",
        AlkemioEntity.columns(
            "displayName",
            "tagline",
            "description",
            "type",
            "authorizationId",
            "locationId",
            "storageBucketId"),
        options -> AlkemioSizes.of(options).profiles(),
        options -> {
          long seed = options.seed();
          AlkemioSizes sizes = AlkemioSizes.of(options);
          long authorization = sizes.authorizationOffset("profile");
          return (index, random, row) -> {
            row[0] = RowKeys.uuid(seed, "profile", index);
            int at = AlkemioEntity.audit(row, 1, random);
            String type = type(sizes, index);
            row[at++] = displayName(seed, sizes, index, type, random);
            row[at++] = random.nextInt(4) == 0 ? null : AwkwardText.sentence(random, 3, 10);
            row[at++] = description(index, random);
            row[at++] = type;
            row[at++] = RowKeys.uuid(seed, "authorization_policy", authorization + index);
            row[at++] = index < sizes.locations() ? RowKeys.uuid(seed, "location", index) : null;
            row[at] =
                RowKeys.uuid(
                    seed,
                    "storage_bucket",
                    RowKeys.pick(seed, "profile.storageBucketId", index, sizes.storageBuckets()));
          };
        });
  }

  static GeneratedTable tagset() {
    return new StreamedTable(
        "tagset",
        AlkemioEntity.columns("name", "tags", "type", "authorizationId", "profileId"),
        options -> AlkemioSizes.of(options).tagsets(),
        options -> {
          long seed = options.seed();
          AlkemioSizes sizes = AlkemioSizes.of(options);
          long authorization = sizes.authorizationOffset("tagset");
          long orphanRow = options.dirty() ? sizes.tagsets() - 1 : -1;
          return (index, random, row) -> {
            row[0] = RowKeys.uuid(seed, "tagset", index);
            int at = AlkemioEntity.audit(row, 1, random);
            row[at++] = random.nextInt(4) == 0 ? "skills" : "default";
            // Row 0: an empty simple-array, which TypeORM stores as the empty string.
            row[at++] = index == 0 ? "" : tags(random);
            row[at++] =
                random.nextInt(5) == 0
                    ? "select-one"
                    : random.nextInt(10) == 0 ? "select-many" : "freeform";
            row[at++] = RowKeys.uuid(seed, "authorization_policy", authorization + index);
            row[at] =
                index == orphanRow ? DirtyValues.ORPHAN_UUID : RowKeys.uuid(seed, "profile", index);
          };
        });
  }

  static GeneratedTable visual() {
    return new StreamedTable(
        "visual",
        AlkemioEntity.columns(
            "name",
            "uri",
            "minWidth",
            "maxWidth",
            "minHeight",
            "maxHeight",
            "allowedTypes",
            "thumbnail",
            "authorizationId",
            "profileId"),
        options -> AlkemioSizes.of(options).visuals(),
        options -> {
          long seed = options.seed();
          AlkemioSizes sizes = AlkemioSizes.of(options);
          long authorization = sizes.authorizationOffset("visual");
          return (index, random, row) -> {
            String id = RowKeys.uuid(seed, "visual", index);
            row[0] = id;
            int at = AlkemioEntity.audit(row, 1, random);
            boolean avatar = index < sizes.users();
            row[at++] = avatar ? "avatar" : "banner";
            row[at++] =
                "https://alkemio.example/api/private/rest/storage/document/"
                    + id
                    + "?v=1&name=%C3%BC";
            row[at++] = avatar ? 190 : 384;
            row[at++] = avatar ? 410 : 1536;
            row[at++] = avatar ? 190 : 64;
            row[at++] = avatar ? 410 : 256;
            row[at++] = "image/png,image/jpeg,image/webp";
            row[at++] = thumbnail(index, random);
            row[at++] = RowKeys.uuid(seed, "authorization_policy", authorization + index);
            row[at] = RowKeys.uuid(seed, "profile", index);
          };
        });
  }

  private static String type(AlkemioSizes sizes, long index) {
    if (index < sizes.users()) {
      return "user";
    }
    if (index < sizes.spaceProfile(sizes.spaces())) {
      return "space";
    }
    return index < sizes.calloutProfile(sizes.callouts()) ? "callout-framing" : "whiteboard";
  }

  private static String displayName(
      long seed, AlkemioSizes sizes, long index, String type, SplittableRandom random) {
    if (type.equals("user")) {
      People.Person person = People.of(seed, index);
      return person.firstName() + " " + person.lastName();
    }
    // The first space's profile: 255 characters, the column's limit, as 4-byte UTF-8.
    if (index == sizes.spaceProfile(0)) {
      return "🌍".repeat(255);
    }
    return AwkwardText.title(random, 120);
  }

  private static String description(long index, SplittableRandom random) {
    if (index < AwkwardText.trapRows(true)) {
      return AwkwardText.trap(index, true);
    }
    if (index == AwkwardText.trapRows(true)) {
      return AwkwardText.FULL_MYSQL_TEXT;
    }
    if (random.nextInt(5) == 0) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    int paragraphs = 1 + random.nextInt(3);
    for (int p = 0; p < paragraphs; p++) {
      text.append(p > 0 ? "\n\n" : "").append(AwkwardText.sentence(random, 8, 30));
    }
    return text.toString();
  }

  private static String tags(SplittableRandom random) {
    StringBuilder tags = new StringBuilder();
    int count = 1 + random.nextInt(5);
    for (int i = 0; i < count; i++) {
      tags.append(i > 0 ? "," : "").append(AwkwardText.word(random));
    }
    return tags.toString();
  }

  /** Row 0 every byte value, row 1 empty, row 2 NULL; then image-like or NULL. */
  private static byte[] thumbnail(long index, SplittableRandom random) {
    if (index == 0) {
      return SampleBytes.everyByteValue();
    }
    if (index == 1) {
      return new byte[0];
    }
    if (index == 2 || random.nextBoolean()) {
      return null;
    }
    return SampleBytes.imageLike(random, 64, 2048);
  }
}
