package dev.converge.domain.manifest;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Narrows a content-checksum mismatch down to rows, in two passes over both sides with bounded
 * memory: first every row lands in one of 1,024 buckets by a hash of its primary key, each bucket
 * with its own checksum; then only the rows of differing buckets ({@link #bucketOf}) are kept and
 * compared key by key.
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

  /** The bucket (0 to {@link #BUCKETS} - 1) a canonical key falls in. */
  public static int bucketOf(List<String> key) {
    StringBuilder encoded = new StringBuilder();
    for (String part : key) {
      encoded.append(part == null ? "\u0000N" : part.length() + ":" + part);
    }
    byte[] bytes = encoded.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return (int) (ContentChecksum.murmur3(bytes, bytes.length)[0] & (BUCKETS - 1));
  }
}
