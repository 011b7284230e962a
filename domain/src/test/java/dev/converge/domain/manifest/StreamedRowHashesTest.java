package dev.converge.domain.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.domain.manifest.StreamedRowHashes.SourceKeyRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamedRowHashesTest {

  private static final int CHUNK = StreamedRowHashes.CHUNK_ROWS;

  @Test
  void rowsAreHeldInStreamOrderAndTheirChunksBecomeKeyRangesMergedWhereTheyTouch() {
    StreamedRowHashes streamed = new StreamedRowHashes(10, 1_000_000);
    int rows = 5 * CHUNK + 7;
    for (int i = 0; i < rows; i++) {
      assertTrue(streamed.add(i * 31L, i * 17L, (long) i));
    }

    assertTrue(streamed.complete(), "it grew past the 10 rows it expected, within its bound");
    assertEquals(rows, streamed.size());
    assertEquals(31L * 12_345, streamed.keyHash(12_345));
    assertEquals(17L * 12_345, streamed.rowHash(12_345));
    assertEquals(List.of(new SourceKeyRange(0L, (long) CHUNK)), streamed.rangesHolding(new int[] {3, CHUNK - 1}));
    assertEquals(List.of(new SourceKeyRange((long) CHUNK, 3L * CHUNK), new SourceKeyRange(5L * CHUNK, null)),
        streamed.rangesHolding(new int[] {CHUNK, 2 * CHUNK + 1, 2 * CHUNK + 2, rows - 1}),
        "chunks 1 and 2 touch: one range; the last chunk is open-ended");
    assertEquals(List.of(), streamed.rangesHolding(new int[0]));
    assertThrows(IllegalArgumentException.class, () -> streamed.rangesHolding(new int[] {rows}));
    assertThrows(IllegalArgumentException.class, () -> streamed.rangesHolding(new int[] {3 * CHUNK, 1}));
  }

  @Test
  void aTableExpectedOrFoundLargerThanItsBoundHoldsNothing() {
    StreamedRowHashes expectedTooLarge = new StreamedRowHashes(2_000, 1_000);
    assertFalse(expectedTooLarge.complete());
    assertFalse(expectedTooLarge.add(1, 1, "a"));

    StreamedRowHashes grown = new StreamedRowHashes(0, 3_000);
    for (int i = 0; i < 3_000; i++) {
      assertTrue(grown.add(i, i, "k" + i));
    }
    assertFalse(grown.add(3_000, 3_000, "k3000"), "the source grew past the bound");
    assertFalse(grown.complete());
    assertEquals(0, grown.size(), "what it held is let go");
  }

  @Test
  void trimmedItKeepsItsRows() {
    StreamedRowHashes streamed = new StreamedRowHashes(1_000, 10_000);
    streamed.add(5, 6, 1L);
    streamed.add(7, 8, 2L);
    streamed.trim();

    assertEquals(2, streamed.size());
    assertEquals(7, streamed.keyHash(1));
    assertEquals(8, streamed.rowHash(1));
  }

  @Test
  void aBinaryKeyIsCopiedSoTheReaderMayReuseItsBuffer() {
    StreamedRowHashes streamed = new StreamedRowHashes(1, 10);
    byte[] key = {1, 2};
    streamed.add(1, 1, key);
    key[0] = 9;

    assertEquals(1, ((byte[]) streamed.rangesHolding(new int[] {0}).get(0).from())[0]);
  }
}
