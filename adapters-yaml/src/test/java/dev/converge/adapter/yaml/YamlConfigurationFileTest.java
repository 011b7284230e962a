package dev.converge.adapter.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.domain.failure.ConvergeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlConfigurationFileTest {

  @TempDir Path directory;

  private Map<String, String> read(String yaml) throws Exception {
    Path file = directory.resolve("converge.yml");
    Files.writeString(file, yaml);
    return YamlConfigurationFile.read(file);
  }

  @Test
  void eachColumnsMapBecomesOneValueOfTheMapOptionWhetherKeyedByTableDotColumnOrNested() throws Exception {
    Map<String, String> keys = read("""
        map:
          vc_interaction.virtualContributorID: {lookup: "SELECT id FROM virtual_contributor WHERE nameID = ?"}
          activity:
            triggeredBy:
              lookup: SELECT COALESCE((SELECT id FROM user WHERE nameID = ?), ?)
        source: {host: db}
        """);

    assertEquals("vc_interaction.virtualContributorID=lookup:SELECT id FROM virtual_contributor WHERE nameID = ?,"
        + "activity.triggeredBy=lookup:SELECT COALESCE((SELECT id FROM user WHERE nameID = ?), ?)", keys.get("map"));
    assertEquals("db", keys.get("source.host"));
  }

  @Test
  void aMapWithoutALookupOrWithoutATableIsRefusedNamingTheKey() {
    ConvergeException noLookup = assertThrows(ConvergeException.class, () -> read("map: {user.x: {query: SELECT 1}}\n"));
    assertTrue(noLookup.getMessage().contains("key map.user.x.query must be TABLE.COLUMN: {lookup: SQL}"),
        noLookup.getMessage());
    ConvergeException noTable = assertThrows(ConvergeException.class, () -> read("map: {x: {lookup: \"SELECT ?\"}}\n"));
    assertTrue(noTable.getMessage().contains("key map.x must be TABLE.COLUMN: {lookup: SQL}"), noTable.getMessage());
  }
}
