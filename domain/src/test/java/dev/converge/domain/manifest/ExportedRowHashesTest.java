package dev.converge.domain.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.domain.manifest.ExportedRowHashes.SourceState;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportedRowHashesTest {

  @Test
  void eachKeyOfTheExportIsMatchedOnceAgainstTheSourceAndWhatIsNeverSeenIsCounted() {
    ExportedRowHashes exported = new ExportedRowHashes();
    for (int i = 0; i < 5_000; i++) {
      exported.put(List.of("k" + i), i);
    }

    assertEquals(SourceState.SAME, exported.seenInSource(List.of("k1"), 1));
    assertEquals(SourceState.CHANGED, exported.seenInSource(List.of("k2"), 99));
    assertEquals(SourceState.NOT_EXPORTED, exported.seenInSource(List.of("new"), 3));
    for (int i = 3; i < 5_000; i++) {
      exported.seenInSource(List.of("k" + i), i);
    }

    assertEquals(5_000, exported.size());
    assertEquals(1, exported.notSeen(), "only k0 was never seen: deleted in the source");
    assertEquals(SourceState.NOT_SEEN, exported.sourceState(List.of("k0")));
    assertEquals(SourceState.SAME, exported.sourceState(List.of("k1")));
    assertEquals(SourceState.CHANGED, exported.sourceState(List.of("k2")));
    assertEquals(SourceState.NOT_EXPORTED, exported.sourceState(List.of("new")));
  }

  @Test
  void aKeyOfSeveralColumnsIsOneKeyAndNullIsAValue() {
    ExportedRowHashes exported = new ExportedRowHashes();
    exported.put(java.util.Arrays.asList("a", null), 7);

    assertEquals(SourceState.NOT_EXPORTED, exported.sourceState(List.of("a", "")));
    assertEquals(SourceState.SAME, exported.seenInSource(java.util.Arrays.asList("a", null), 7));
    assertEquals(0, exported.notSeen());
  }
}
