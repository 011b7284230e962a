package dev.converge.domain.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyedDifferencesTest {

  @Test
  void aMissingAnAddedAndAnEditedRowAreNamedByKeyWithBothValues() {
    List<List<String>> exported = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      exported.add(List.of(Integer.toString(i), "name " + i));
    }
    List<List<String>> target = new ArrayList<>(exported);
    target.remove(42);
    target.set(100, List.of("101", "name 101!"));
    target.add(List.of("10000", "new"));

    KeyedDifferences.Buckets exportBuckets = new KeyedDifferences.Buckets();
    KeyedDifferences.Buckets targetBuckets = new KeyedDifferences.Buckets();
    exported.forEach(row -> exportBuckets.add(row.subList(0, 1), row));
    target.forEach(row -> targetBuckets.add(row.subList(0, 1), row));
    Set<Integer> differing = exportBuckets.differingFrom(targetBuckets);
    assertTrue(differing.size() <= 3, "only the buckets of the three rows differ: " + differing);

    KeyedDifferences.Rows exportRows = new KeyedDifferences.Rows(differing);
    KeyedDifferences.Rows targetRows = new KeyedDifferences.Rows(differing);
    exported.forEach(row -> exportRows.add(row.subList(0, 1), row));
    target.forEach(row -> targetRows.add(row.subList(0, 1), row));
    List<KeyedDifferences.Difference> differences =
        KeyedDifferences.between(exportRows, targetRows, List.of("id", "name"), 10);

    assertEquals(3, differences.size(), differences.toString());
    assertTrue(differences.contains(new KeyedDifferences.Difference(List.of("42"), "missing in the target")));
    assertTrue(differences.contains(new KeyedDifferences.Difference(List.of("101"), "name: export 'name 101', target 'name 101!'")));
    assertTrue(differences.contains(new KeyedDifferences.Difference(List.of("10000"), "in the target but not in the export")));
  }
}
