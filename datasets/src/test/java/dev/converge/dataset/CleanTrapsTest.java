package dev.converge.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CleanTrapsTest {

  private static final DatasetOptions TINY = DatasetOptions.clean(0.0001);
  private static final AlkemioDataset ALKEMIO = new AlkemioDataset();
  private static final KratosDataset KRATOS = new KratosDataset();

  @Test
  void profileDescriptionsCarryTheWholeAwkwardTextCatalogueWithEmptyNextToNull() {
    List<Object> descriptions = CollectedRows.column(ALKEMIO, "profile", "description", TINY);
    assertEquals("", descriptions.get(0));
    assertEquals(null, descriptions.get(1));
    assertTrue(descriptions.containsAll(AwkwardText.CATALOGUE));
    assertTrue(descriptions.contains("\\N"), "the literal backslash-N COPY takes for NULL");
    assertTrue(descriptions.contains("first line\r\nsecond line"));
    assertTrue(descriptions.contains("first line\rsecond line"));
    String full = (String) descriptions.get((int) AwkwardText.trapRows(true));
    assertEquals(
        65_535,
        full.getBytes(StandardCharsets.UTF_8).length,
        "a MySQL text filled to its byte limit");
  }

  @Test
  void courierBodiesCarryTheCatalogueInAKratosTable() {
    assertTrue(
        CollectedRows.column(KRATOS, "courier_messages", "body", TINY)
            .containsAll(AwkwardText.CATALOGUE));
  }

  @Test
  void fourByteCharactersAppearAndAreCountedAsCharactersNotUtf16Units() {
    String fox = (String) CollectedRows.column(ALKEMIO, "user", "firstName", TINY).get(3);
    assertEquals(128, fox.codePointCount(0, fox.length()), "fits the target's varchar(128)");
    assertEquals(256, fox.length(), "but is 256 UTF-16 units in Java");
    String document =
        (String) CollectedRows.column(ALKEMIO, "document", "displayName", TINY).get(0);
    assertEquals(255, document.codePointCount(0, document.length()));
  }

  @Test
  void jsonColumnsStartWithTheTrapDocuments() {
    assertEquals(
        JsonText.TRAP_DOCUMENTS,
        CollectedRows.column(ALKEMIO, "authorization_policy", "credentialRules", TINY)
            .subList(0, JsonText.TRAP_DOCUMENTS.size()));
    assertEquals(
        JsonText.TRAP_DOCUMENTS,
        CollectedRows.column(KRATOS, "identities", "metadata_public", TINY)
            .subList(0, JsonText.TRAP_DOCUMENTS.size()));
    String traits = (String) CollectedRows.column(KRATOS, "identities", "traits", TINY).get(0);
    assertTrue(traits.contains("\"bio\":\"\""), traits);
  }

  @Test
  void authorizationRulesAreHalfAKilobyteToFourKilobytes() {
    List<Object> rules =
        CollectedRows.column(
            ALKEMIO, "authorization_policy", "credentialRules", DatasetOptions.clean(0.001));
    for (Object rule : rules.subList(JsonText.TRAP_DOCUMENTS.size(), rules.size())) {
      int length = ((String) rule).length();
      assertTrue(length >= 512 && length <= 4_400, "length " + length);
    }
  }

  @Test
  void blobsHoldEveryByteValueAnEmptyValueAndNull() {
    byte[] every = SampleBytes.everyByteValue();
    for (var place :
        List.of(List.of("visual", "thumbnail"), List.of("courier_messages", "template_data"))) {
      ReferenceDataset dataset = place.get(0).equals("visual") ? ALKEMIO : KRATOS;
      List<Object> blobs = CollectedRows.column(dataset, place.get(0), place.get(1), TINY);
      assertArrayEquals(every, (byte[]) blobs.get(0));
      assertArrayEquals(new byte[0], (byte[]) blobs.get(1));
      assertEquals(null, blobs.get(2));
    }
    for (int b = 0; b < 256; b++) {
      assertEquals((byte) b, every[b]);
    }
  }

  @Test
  void theLongtextHoldsEveryLatin1CharacterAndControlCharactersButNoNul() {
    List<Object> contents = CollectedRows.column(ALKEMIO, "whiteboard", "content", TINY);
    String all = (String) contents.get(0);
    assertEquals(255, all.length());
    assertEquals('\u0001', all.charAt(0));
    assertEquals('\u00FF', all.charAt(254));
    assertEquals("", contents.get(1));
  }

  @Test
  void datetimesHaveSixAndZeroFractionalDigitsAndEdgeValues() {
    List<Object> created =
        CollectedRows.column(
            ALKEMIO, "authorization_policy", "createdDate", DatasetOptions.clean(0.001));
    assertEquals(SampleTimes.MICROSECOND_EDGES, created.subList(0, 4));
    assertTrue(created.stream().anyMatch(t -> ((LocalDateTime) t).getNano() == 0));
    assertTrue(created.stream().anyMatch(t -> ((LocalDateTime) t).getNano() % 1_000_000 != 0));
    assertTrue(
        created.stream().allMatch(t -> ((LocalDateTime) t).getNano() % 1_000 == 0),
        "microseconds at most");
    assertEquals(
        SampleTimes.TIMESTAMP_EDGES,
        CollectedRows.column(KRATOS, "sessions", "expires_at", TINY).subList(0, 4));
    List<Object> expires = CollectedRows.column(ALKEMIO, "credential", "expires", TINY);
    assertEquals(LocalDateTime.parse("9999-12-31T23:59:59"), expires.get(0));
    assertEquals(LocalDateTime.parse("1000-01-01T00:00:00"), expires.get(1));
    for (Object triggered :
        CollectedRows.column(ALKEMIO, "in_app_notification", "triggeredAt", TINY)) {
      assertEquals(0, ((LocalDateTime) triggered).getNano(), "plain datetime holds whole seconds");
    }
  }

  @Test
  void decimalsKeepTheirScaleAndReachTheColumnLimit() {
    List<Object> prices = CollectedRows.column(ALKEMIO, "license_plan", "pricePerMonth", TINY);
    assertEquals(new BigDecimal("0.00"), prices.get(0));
    assertEquals(new BigDecimal("99999999.99"), prices.get(1));
    assertEquals(null, prices.get(2));
    assertEquals("12.50", prices.get(3).toString());
  }

  @Test
  void bareTinyintBooleansAreBooleansAndRowIdsHaveGaps() {
    assertTrue(
        CollectedRows.column(ALKEMIO, "user", "serviceProfile", TINY).stream()
            .allMatch(Boolean.class::isInstance));
    List<Object> rowIds = CollectedRows.column(ALKEMIO, "activity", "rowId", TINY);
    int last = (Integer) rowIds.get(rowIds.size() - 1);
    assertTrue(last > rowIds.size(), "max(rowId) " + last + " is above the row count");
  }

  @Test
  void theStorageCycleAndTheSpaceSelfReferenceAreFilled() {
    List<Object> direct =
        CollectedRows.column(ALKEMIO, "storage_aggregator", "directStorageId", TINY);
    List<Object> bucketIds = CollectedRows.column(ALKEMIO, "storage_bucket", "id", TINY);
    List<Object> bucketAggregators =
        CollectedRows.column(ALKEMIO, "storage_bucket", "storageAggregatorId", TINY);
    List<Object> aggregatorIds = CollectedRows.column(ALKEMIO, "storage_aggregator", "id", TINY);
    for (int i = 0; i < direct.size(); i++) {
      int bucket = bucketIds.indexOf(direct.get(i));
      assertEquals(
          aggregatorIds.get(i),
          bucketAggregators.get(bucket),
          "aggregator " + i + " and its bucket point at each other");
    }
    List<Object> levels = CollectedRows.column(ALKEMIO, "space", "level", TINY);
    assertEquals(List.of(0, 1, 2), levels.stream().distinct().toList());
  }

  @Test
  void cleanRowsContainNoNulCharacter() {
    for (ReferenceDataset dataset : ReferenceDatasets.all()) {
      for (GeneratedTable table : dataset.tables()) {
        table.rows(
            DatasetOptions.clean(0.001),
            row -> {
              for (Object value : row) {
                if (value instanceof String text) {
                  assertFalse(
                      text.indexOf('\u0000') >= 0 || text.contains("\\u0000"), table.name());
                }
              }
            });
      }
    }
  }
}
