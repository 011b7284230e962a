package dev.converge.adapter.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.application.port.out.WriteTableFilesPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableFilesAdapterTest {

  @TempDir Path temp;

  @Test
  void aHalfWrittenFileAKilledWriterLeftIsListedUnderItsFinalNameAndRemovedWithIt() throws Exception {
    Path work = temp.resolve("run");
    CsvTableFilesAdapter files = new CsvTableFilesAdapter(work);
    try (WriteTableFilesPort.TableFile file = files.create("users_20261121_090000.csv", List.of("id"))) {
      file.write(new String[] {"1"});
      file.finish();
    }
    Files.writeString(work.resolve("users_20261121_090000.2.csv.partial"), "id\n2\n");
    Files.writeString(work.resolve("run_journal.json"), "{}");

    assertEquals(List.of("users_20261121_090000.2.csv", "users_20261121_090000.csv"), files.names());
    files.delete("users_20261121_090000.2.csv");
    assertEquals(List.of("users_20261121_090000.csv"), files.names());
  }

  @Test
  void tableFilesAreReadableByTheirOwnerOnlyAndTheDirectoryIsTheOwnersToo() throws Exception {
    Path work = temp.resolve("new/run");
    try (WriteTableFilesPort.TableFile file = new CsvTableFilesAdapter(work).create("t_20261121_090000.csv", List.of("id"))) {
      file.write(new String[] {"1"});
      file.finish();
    }
    assertEquals("rw-------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(work.resolve("t_20261121_090000.csv"))));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(work)));
  }
}
