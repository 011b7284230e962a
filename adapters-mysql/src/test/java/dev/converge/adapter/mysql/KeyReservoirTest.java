package dev.converge.adapter.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class KeyReservoirTest {

  @Test
  void fewerKeysThanItHoldsAreAllKept() {
    KeyReservoir reservoir = new KeyReservoir(10, 1);
    LongStream.range(0, 7).forEach(reservoir::offer);
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), reservoir.sample());
    assertEquals(7, reservoir.offered());
  }

  @Test
  void manyKeysLeaveADistinctSampleOfTheCapacitySpreadOverTheWholeStream() {
    KeyReservoir reservoir = new KeyReservoir(1000, 42);
    LongStream.range(0, 1_000_000).forEach(reservoir::offer);
    List<Object> sample = reservoir.sample();
    assertEquals(1000, sample.size());
    assertEquals(1000, new HashSet<>(sample).size(), "each key kept once");
    // Uniform: each tenth of the stream holds about a tenth of the sample (expected 100, sd under 10).
    int[] tenths = new int[10];
    sample.forEach(key -> tenths[(int) ((Long) key / 100_000)]++);
    for (int count : tenths) {
      assertTrue(count > 60 && count < 140, "a tenth of the stream holds " + count + " of 1000");
    }
  }

  @Test
  void theSameSeedOverTheSameStreamKeepsTheSameKeys() {
    KeyReservoir first = new KeyReservoir(50, 7);
    KeyReservoir second = new KeyReservoir(50, 7);
    LongStream.range(0, 10_000).forEach(key -> {
      first.offer(key);
      second.offer(key);
    });
    assertEquals(first.sample(), second.sample());
  }

  @Test
  void aReservoirHoldsAtLeastOneKey() {
    assertThrows(IllegalArgumentException.class, () -> new KeyReservoir(0, 1));
  }
}
