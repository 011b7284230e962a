package dev.converge.domain.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class KeyedDifferencesTest {

  @Test
  void onlyTheBucketsOfAMissingAnAddedAndAnEditedRowDiffer() {
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

    Set<Integer> expected = new TreeSet<>(List.of(KeyedDifferences.bucketOf(List.of("42")),
        KeyedDifferences.bucketOf(List.of("101")), KeyedDifferences.bucketOf(List.of("10000"))));
    assertEquals(expected, exportBuckets.differingFrom(targetBuckets));
  }
}
