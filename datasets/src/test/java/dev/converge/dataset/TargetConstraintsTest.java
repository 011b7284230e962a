package dev.converge.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Checks, without a database, the Postgres-only rules the clean rows must already satisfy. */
class TargetConstraintsTest {

  private static final DatasetOptions CLEAN = DatasetOptions.clean(0.002);
  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  @Test
  void softReferencesThatArePostgresNotNullUuidsAreFilledWithUuids() {
    AlkemioDataset alkemio = new AlkemioDataset();
    for (List<String> column :
        List.of(
            List.of("document", "createdBy"),
            List.of("space", "levelZeroSpaceID"),
            List.of("callout", "createdBy"),
            List.of("user", "accountID"),
            List.of("activity", "triggeredBy"),
            List.of("activity", "resourceID"),
            List.of("activity", "collaborationID"))) {
      for (Object value : CollectedRows.column(alkemio, column.get(0), column.get(1), CLEAN)) {
        assertTrue(
            value instanceof String text && UUID.matcher(text).matches(), column + ": " + value);
      }
    }
  }

  @Test
  void kratosColumnsThatArePostgresNotNullAreFilled() {
    KratosDataset kratos = new KratosDataset();
    for (List<String> column :
        List.of(
            List.of("identities", "nid"), List.of("identity_credentials", "nid"),
            List.of("identity_recovery_addresses", "nid"), List.of("sessions", "token"))) {
      assertTrue(
          CollectedRows.column(kratos, column.get(0), column.get(1), CLEAN).stream()
              .noneMatch(v -> v == null),
          column.toString());
    }
  }

  @Test
  void firstNamesFitTheNarrowerTargetColumn() {
    for (Object name : CollectedRows.column(new AlkemioDataset(), "user", "firstName", CLEAN)) {
      String text = (String) name;
      assertTrue(text.codePointCount(0, text.length()) <= 128, text);
    }
  }

  @Test
  void recoveryAddressesAreUniqueWhenCaseFoldedAsThePostgresOnlyIndexRequires() {
    List<Object> values =
        CollectedRows.column(new KratosDataset(), "identity_recovery_addresses", "value", CLEAN);
    Set<String> folded = new HashSet<>();
    values.forEach(value -> folded.add(((String) value).toLowerCase(Locale.ROOT)));
    assertEquals(values.size(), folded.size());
  }

  @Test
  void nameIdsFitTheirColumnAndAreUnique() {
    for (String table : List.of("user", "space", "callout", "whiteboard")) {
      List<Object> nameIds = CollectedRows.column(new AlkemioDataset(), table, "nameID", CLEAN);
      assertEquals(nameIds.size(), Set.copyOf(nameIds).size(), table);
      nameIds.forEach(
          nameId ->
              assertTrue(((String) nameId).matches("[a-z0-9-]{1,36}"), table + ": " + nameId));
    }
  }

  @Test
  void spaceLevelsMatchTheirParentsAsTheCheckConstraintRequires() {
    AlkemioDataset alkemio = new AlkemioDataset();
    List<Object[]> spaces = CollectedRows.of(alkemio, "space", CLEAN);
    int level = CollectedRows.column(alkemio, "space", "level");
    int parent = CollectedRows.column(alkemio, "space", "parentSpaceId");
    int id = CollectedRows.column(alkemio, "space", "id");
    Set<Object> seen = new HashSet<>();
    for (Object[] space : spaces) {
      assertEquals((Integer) space[level] == 0, space[parent] == null);
      assertTrue(space[parent] == null || seen.contains(space[parent]), "parents load first");
      seen.add(space[id]);
    }
  }

  @Test
  void membershipPairsAreUniqueForTheCompositeKey() {
    AlkemioDataset alkemio = new AlkemioDataset();
    Set<String> pairs = new HashSet<>();
    List<Object[]> rows =
        CollectedRows.of(alkemio, "space_members_user", DatasetOptions.clean(0.0001));
    rows.forEach(row -> pairs.add(row[0] + "/" + row[1]));
    assertEquals(rows.size(), pairs.size());
  }
}
