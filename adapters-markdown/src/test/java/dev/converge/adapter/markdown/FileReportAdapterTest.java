package dev.converge.adapter.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.converge.application.port.out.RenderJsonPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReportAdapterTest {

  /** Renders a map as its entries, one per line: enough to see that the report went through the port. */
  private static final RenderJsonPort ENTRIES = report -> String.join("\n",
      ((Map<?, ?>) report).entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).sorted().toList());

  @TempDir Path temp;

  @Test
  void theMarkdownAndTheRenderedReportAreWrittenSideBySideForTheOwnerOnly() throws Exception {
    Path work = temp.resolve("run").resolve("reports");
    String markdown = "# Verification\n\n| table | rows |\n|---|---|\n| täble ✓ 𝄞 | 3 |\n";

    String written = new FileReportAdapter(work, ENTRIES).write("verification_report", markdown,
        Map.of("tables", 1, "rows", 3));

    assertEquals(work.resolve("verification_report.md").toString(), written);
    assertEquals(markdown, Files.readString(work.resolve("verification_report.md"), StandardCharsets.UTF_8));
    assertEquals("rows=3\ntables=1", Files.readString(work.resolve("verification_report.json"), StandardCharsets.UTF_8));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(written))));
    assertEquals("rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve("verification_report.json"))));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(work)));
  }

  @Test
  void aReportRewrittenReplacesTheOldOne() throws Exception {
    FileReportAdapter reports = new FileReportAdapter(temp, ENTRIES);
    reports.write("report", "# first, and longer than the second\n", Map.of("run", 1));

    reports.write("report", "# second\n", Map.of("run", 2));

    assertEquals("# second\n", Files.readString(temp.resolve("report.md")));
    assertEquals("run=2", Files.readString(temp.resolve("report.json")));
  }

  @Test
  void aWorkDirectoryThatIsAFileIsReportedWithTheReportNamed() throws Exception {
    Path notADirectory = Files.writeString(temp.resolve("work"), "a file");

    ConvergeException failure = assertThrows(ConvergeException.class,
        () -> new FileReportAdapter(notADirectory, ENTRIES).write("sync_report", "# sync\n", Map.of()));

    assertEquals(ErrorCode.VERIFICATION, failure.code());
    assertEquals("cannot write the report sync_report in " + notADirectory, failure.getMessage());
  }
}
