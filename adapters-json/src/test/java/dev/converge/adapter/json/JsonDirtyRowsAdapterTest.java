package dev.converge.adapter.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.application.port.out.WriteDirtyRowsPort;
import dev.converge.domain.plan.DirtyRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonDirtyRowsAdapterTest {

  @TempDir Path workDirectory;

  @Test
  void everyRowIsWrittenReadableByTheOwnerOnlyReplacingThePreviousPlans() throws Exception {
    JsonDirtyRowsAdapter adapter = new JsonDirtyRowsAdapter(workDirectory);
    try (WriteDirtyRowsPort.DirtyRows rows = adapter.open()) {
      rows.write(new DirtyRow("old", "id='0'", "c", "gone", "'x'", null));
    }
    try (WriteDirtyRowsPort.DirtyRows rows = adapter.open()) {
      rows.write(new DirtyRow("user", "id='1'", "bio", "contains a NUL, \"quoted\"", "'a\\x00b'",
          "--column-policy user.bio:nul-bytes=strip"));
      rows.write(new DirtyRow("user", "a='2', b=NULL", "ref", "NULL in a NOT NULL column", "NULL", null));
    }

    Path json = workDirectory.resolve("dirty_rows.json");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(json)));
    JsonNode array = new ObjectMapper().readTree(json.toFile());
    assertEquals(2, array.size());
    assertEquals("contains a NUL, \"quoted\"", array.get(0).get("rule").asText());
    assertEquals("'a\\x00b'", array.get(0).get("value").asText());
    assertEquals("--column-policy user.bio:nul-bytes=strip", array.get(0).get("fix").asText());
    assertEquals("a='2', b=NULL", array.get(1).get("key").asText());
    assertTrue(array.get(1).get("fix").isNull(), "no fix is null, not empty text");
  }

  @Test
  void allPortsGetEveryRowAndCloseEvenWhenOneFailsToClose() throws Exception {
    List<String> seen = new ArrayList<>();
    WriteDirtyRowsPort failingToClose = () -> new WriteDirtyRowsPort.DirtyRows() {
      @Override
      public void write(DirtyRow row) {
        seen.add("first " + row.key());
      }

      @Override
      public String describe() {
        return "first";
      }

      @Override
      public void close() {
        throw new IllegalStateException("disk full");
      }
    };
    WriteDirtyRowsPort json = new JsonDirtyRowsAdapter(workDirectory);
    WriteDirtyRowsPort.DirtyRows rows = WriteDirtyRowsPort.all(List.of(failingToClose, json)).open();
    rows.write(new DirtyRow("t", "id='1'", "c", "r", "'v'", null));

    assertEquals("first and " + workDirectory.resolve("dirty_rows.json"), rows.describe());
    IllegalStateException failed = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        rows::close);
    assertEquals("disk full", failed.getMessage());
    assertEquals(List.of("first id='1'"), seen);
    assertEquals(1, new ObjectMapper().readTree(workDirectory.resolve("dirty_rows.json").toFile()).size(),
        "the JSON file was finished all the same");
  }
}
