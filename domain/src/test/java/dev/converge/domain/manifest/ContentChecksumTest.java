package dev.converge.domain.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentChecksumTest {

  private static String checksum(List<List<String>> rows) {
    ContentChecksum checksum = new ContentChecksum();
    rows.forEach(checksum::add);
    return checksum.hex();
  }

  @Test
  void theHashIsMurmur3X64With128BitsAsPublished() {
    byte[] fox = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
    long[] hash = ContentChecksum.murmur3(fox, fox.length);
    // Reference value of MurmurHash3_x64_128, seed 0 (as Guava prints it: h1 then h2, little-endian bytes).
    assertEquals("6c1b07bc7bbc4be347939ac4a93c437a", littleEndianHex(hash[0]) + littleEndianHex(hash[1]));
    assertEquals("00000000000000000000000000000000", littleEndianHex(ContentChecksum.murmur3(new byte[0], 0)[0])
        + littleEndianHex(ContentChecksum.murmur3(new byte[0], 0)[1]));
  }

  @Test
  void aRowAddedByItsHashCountsAsTheRowItself() {
    List<List<String>> rows = List.of(Arrays.asList("1", "alpha", null), Arrays.asList("2", "\u00e9t\u00e9", ""),
        Arrays.asList("3", "x".repeat(5000), "y"));
    ContentChecksum hashed = new ContentChecksum();
    ContentChecksum byHash = new ContentChecksum();
    for (List<String> row : rows) {
      long high = hashed.add(row);
      byHash.addRow(high, hashed.lastRowLow());
    }
    assertEquals(checksum(rows), byHash.hex());
    assertEquals(3, byHash.rows());
  }

  @Test
  void theSameRowsInAnyOrderGiveTheSameChecksum() {
    List<String> a = Arrays.asList("1", "alpha", null);
    List<String> b = Arrays.asList("2", "beta", "x");
    List<String> c = Arrays.asList("3", "", "y");
    assertEquals(checksum(List.of(a, b, c)), checksum(List.of(c, a, b)));
  }

  @Test
  void anyChangeToAValueChangesTheChecksum() {
    String base = checksum(List.of(Arrays.asList("1", "ab", "c")));
    assertNotEquals(base, checksum(List.of(Arrays.asList("1", "a", "bc"))), "a value moved between columns");
    assertNotEquals(base, checksum(List.of(Arrays.asList("1", "ab", "C"))));
    assertNotEquals(checksum(List.of(Arrays.asList("1", null))), checksum(List.of(Arrays.asList("1", ""))), "NULL is not empty");
    assertNotEquals(checksum(List.of(Arrays.asList("1", null))), checksum(List.of(Arrays.asList("1", "\\N"))), "NULL is not \\N");
  }

  @Test
  void aDuplicatedRowDoesNotCancelOut() {
    List<String> row = List.of("1", "x");
    String once = checksum(List.of(row));
    String twice = checksum(List.of(row, row));
    assertNotEquals(once, twice);
    assertNotEquals(checksum(List.of()), twice);
  }

  @Test
  void partsCombineToTheChecksumOfTheWhole() {
    ContentChecksum first = new ContentChecksum();
    ContentChecksum second = new ContentChecksum();
    first.add(List.of("1", "a"));
    second.add(List.of("2", "b"));
    second.add(List.of("3", "🚀".repeat(500)));
    first.add(second);
    assertEquals(checksum(List.of(List.of("3", "🚀".repeat(500)), List.of("1", "a"), List.of("2", "b"))), first.hex());
    assertEquals(3, first.rows());
  }

  private static String littleEndianHex(long value) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      hex.append(String.format("%02x", (value >>> (8 * i)) & 0xff));
    }
    return hex.toString();
  }
}
