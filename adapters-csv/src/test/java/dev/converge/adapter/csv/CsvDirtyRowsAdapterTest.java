package dev.converge.adapter.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.application.port.out.WriteDirtyRowsPort;
import dev.converge.domain.plan.DirtyRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDirtyRowsAdapterTest {

  @TempDir Path workDirectory;

  @Test
  void everyRowIsWrittenReadableByTheOwnerOnlyReplacingThePreviousPlans() throws Exception {
    CsvDirtyRowsAdapter adapter = new CsvDirtyRowsAdapter(workDirectory);
    try (WriteDirtyRowsPort.DirtyRows rows = adapter.open()) {
      rows.write(new DirtyRow("old", "id='0'", "c", "gone", "'x'", null));
    }
    DirtyRow nul = new DirtyRow("user", "id='1'", "bio", "contains a NUL, \"quoted\"", "'a\\x00b'",
        "--column-policy user.bio:nul-bytes=strip");
    DirtyRow none = new DirtyRow("user", "a='2', b=NULL", "ref", "NULL in a NOT NULL column", "NULL", null);
    try (WriteDirtyRowsPort.DirtyRows rows = adapter.open()) {
      rows.write(nul);
      rows.write(none);
    }

    Path csv = workDirectory.resolve("dirty_rows.csv");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(csv)));
    try (CSVParser parser = CSVParser.parse(csv, StandardCharsets.UTF_8,
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
      assertEquals(List.of("table", "key", "column", "rule", "value", "fix"), parser.getHeaderNames());
      List<CSVRecord> records = parser.getRecords();
      assertEquals(2, records.size());
      assertEquals(List.of("user", "id='1'", "bio", "contains a NUL, \"quoted\"", "'a\\x00b'",
          "--column-policy user.bio:nul-bytes=strip"), records.get(0).toList());
      assertEquals(List.of("user", "a='2', b=NULL", "ref", "NULL in a NOT NULL column", "NULL", ""), records.get(1).toList());
    }
  }
}
