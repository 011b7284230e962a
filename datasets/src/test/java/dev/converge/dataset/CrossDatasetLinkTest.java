package dev.converge.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CrossDatasetLinkTest {

  @Test
  void everyAlkemioUserHasTheEmailAndIdOfTheKratosIdentityWithTheSameIndex() {
    for (DatasetOptions options :
        List.of(DatasetOptions.clean(0.0001), DatasetOptions.clean(0.003).withDirtyRows())) {
      List<Object> emails = CollectedRows.column(new AlkemioDataset(), "user", "email", options);
      List<Object> authenticationIds =
          CollectedRows.column(new AlkemioDataset(), "user", "authenticationID", options);
      List<Object> traits =
          CollectedRows.column(new KratosDataset(), "identities", "traits", options);
      List<Object> identityIds =
          CollectedRows.column(new KratosDataset(), "identities", "id", options);
      assertEquals(emails.size(), traits.size());
      assertEquals(authenticationIds, identityIds);
      for (int i = 0; i < emails.size(); i++) {
        String expected = "{\"email\":" + JsonText.quote((String) emails.get(i)) + ",";
        assertTrue(
            ((String) traits.get(i)).startsWith(expected), traits.get(i) + " vs " + emails.get(i));
      }
    }
  }

  @Test
  void emailsAreUniqueEvenWhenCaseAndAccentsAreIgnored() {
    List<Object> emails =
        CollectedRows.column(new AlkemioDataset(), "user", "email", DatasetOptions.clean(0.01));
    long folded =
        emails.stream()
            .map(
                email ->
                    java.text.Normalizer.normalize((String) email, java.text.Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "")
                        .toLowerCase(java.util.Locale.ROOT))
            .distinct()
            .count();
    assertEquals(emails.size(), folded, "utf8mb4_0900_ai_ci would reject a duplicate");
  }
}
