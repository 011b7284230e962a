package dev.converge.domain.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Narrows a content-checksum mismatch down to rows, in two passes over both sides with bounded
 * memory: first every row lands in one of 1,024 buckets by a hash of its primary key, each bucket
 * with its own checksum; then only the rows of differing buckets are kept and compared key by key.
 */
public final class KeyedDifferences {

  /** The number of buckets rows are spread over. */
  public static final int BUCKETS = 1024;

  private KeyedDifferences() {}

  /** First pass, one per side: a checksum per bucket. */
  public static final class Buckets {
    private final ContentChecksum[] checksums = new ContentChecksum[BUCKETS];

    public Buckets() {
      for (int i = 0; i < BUCKETS; i++) {
        checksums[i] = new ContentChecksum();
      }
    }

    public void add(List<String> key, List<String> row) {
      checksums[bucketOf(key)].add(row);
    }

    /** Buckets whose content differs between the two sides. */
    public Set<Integer> differingFrom(Buckets other) {
      Set<Integer> differing = new TreeSet<>();
      for (int i = 0; i < BUCKETS; i++) {
        if (!checksums[i].hex().equals(other.checksums[i].hex()) || checksums[i].rows() != other.checksums[i].rows()) {
          differing.add(i);
        }
      }
      return differing;
    }
  }

  /** Second pass, one per side: the rows of the differing buckets, by key. */
  public static final class Rows {
    private final Set<Integer> buckets;
    private final Map<List<String>, List<String>> rows = new HashMap<>();

    public Rows(Set<Integer> buckets) {
      this.buckets = Set.copyOf(buckets);
    }

    public void add(List<String> key, List<String> row) {
      if (buckets.contains(bucketOf(key))) {
        rows.put(List.copyOf(nullSafe(key)), new ArrayList<>(row));
      }
    }
  }

  /** One differing row: its key and what differs (a missing row, or each differing column's two values). */
  public record Difference(List<String> key, String what) {
    public Difference {
      key = List.copyOf(key);
      Objects.requireNonNull(what, "what");
    }
  }

  /** The first {@code limit} differences between the export's rows and the target's. */
  public static List<Difference> between(Rows exported, Rows target, List<String> columns, int limit) {
    List<Difference> differences = new ArrayList<>();
    for (Map.Entry<List<String>, List<String>> row : exported.rows.entrySet()) {
      if (differences.size() >= limit) {
        return differences;
      }
      List<String> loaded = target.rows.get(row.getKey());
      if (loaded == null) {
        differences.add(new Difference(row.getKey(), "missing in the target"));
      } else if (!loaded.equals(row.getValue())) {
        List<String> columnDifferences = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
          if (!Objects.equals(loaded.get(i), row.getValue().get(i))) {
            columnDifferences.add(columns.get(i) + ": export " + shown(row.getValue().get(i)) + ", target " + shown(loaded.get(i)));
          }
        }
        differences.add(new Difference(row.getKey(), String.join("; ", columnDifferences)));
      }
    }
    for (List<String> key : target.rows.keySet()) {
      if (differences.size() >= limit) {
        break;
      }
      if (!exported.rows.containsKey(key)) {
        differences.add(new Difference(key, "in the target but not in the export"));
      }
    }
    return differences;
  }

  private static String shown(String value) {
    return dev.converge.domain.conversion.ValueDisplay.of(value);
  }

  private static List<String> nullSafe(List<String> key) {
    return key.stream().map(part -> part == null ? "\u0000NULL" : part).toList();
  }

  static int bucketOf(List<String> key) {
    StringBuilder encoded = new StringBuilder();
    for (String part : key) {
      encoded.append(part == null ? "\u0000N" : part.length() + ":" + part);
    }
    byte[] bytes = encoded.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return (int) (ContentChecksum.murmur3(bytes, bytes.length)[0] & (BUCKETS - 1));
  }
}
