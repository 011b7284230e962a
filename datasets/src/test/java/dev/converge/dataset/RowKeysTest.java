package dev.converge.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RowKeysTest {

  @Test
  void uuidsAreLowerCaseVersionFourAndDistinctPerIndex() {
    Set<String> seen = new HashSet<>();
    for (long index = 0; index < 200_000; index++) {
      String uuid = RowKeys.uuid(1, "profile", index);
      assertTrue(seen.add(uuid), "duplicate at " + index);
      if (index < 1_000) {
        assertTrue(
            uuid.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
            uuid);
      }
    }
  }

  @Test
  void keysDependOnlyOnSeedNameAndIndex() {
    assertEquals(RowKeys.uuid(5, "user", 42), RowKeys.uuid(5, "user", 42));
    assertNotEquals(RowKeys.uuid(5, "user", 42), RowKeys.uuid(6, "user", 42));
    assertNotEquals(RowKeys.uuid(5, "user", 42), RowKeys.uuid(5, "space", 42));
    assertEquals(RowKeys.random(5, "user", 3).nextLong(), RowKeys.random(5, "user", 3).nextLong());
  }

  @Test
  void aPickStaysBelowItsBound() {
    for (long index = 0; index < 10_000; index++) {
      long pick = RowKeys.pick(9, "parent", index, 1 + index % 17);
      assertTrue(pick >= 0 && pick < 1 + index % 17);
    }
  }
}
