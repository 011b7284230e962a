package dev.converge.application.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dataset.DatasetOptions;
import dev.converge.dataset.GeneratedTable;
import dev.converge.dataset.ReferenceDataset;
import dev.converge.application.port.in.GenerateDatasetCommand;
import dev.converge.application.port.in.GenerateDatasetReport;
import dev.converge.application.port.out.CreateSourceSchemaPort;
import dev.converge.application.port.out.WriteSourceRowsPort;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class GenerateDatasetServiceTest {

  private final List<String> scripts = new ArrayList<>();
  private final Map<String, List<Object[]>> written = new ConcurrentHashMap<>();
  private final CreateSourceSchemaPort schema = scripts::add;
  private final WriteSourceRowsPort rows = (table, columns, producer) -> {
    List<Object[]> copies = Collections.synchronizedList(new ArrayList<>());
    producer.accept(row -> copies.add(row.clone()));
    written.put(table, copies);
    return copies.size();
  };

  @Test
  void theSchemaScriptRunsBeforeEveryTableIsWrittenWithAllItsRows() {
    GenerateDatasetReport report = new GenerateDatasetService(schema, rows)
        .generate(new GenerateDatasetCommand(new TwoTables(), DatasetOptions.clean(1), 2));
    assertEquals(1, scripts.size());
    assertTrue(scripts.get(0).contains("CREATE TABLE child"), scripts.get(0));
    assertEquals(List.of("parent", "child"), List.copyOf(report.rowsPerTable().keySet()));
    assertEquals(3L, report.rowsPerTable().get("parent"));
    assertEquals(5L, report.rowsPerTable().get("child"));
    assertEquals(8L, report.totalRows());
    assertArrayEquals(new Object[] {4, 1}, written.get("child").get(4), "a reused row array must not leak");
  }

  @Test
  void aFailingTableFailsTheGenerationWithItsOwnError() {
    IllegalStateException broken = new IllegalStateException("disk full");
    WriteSourceRowsPort failing = (table, columns, producer) -> {
      if (table.equals("child")) {
        throw broken;
      }
      return 0;
    };
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> new GenerateDatasetService(schema, failing)
        .generate(new GenerateDatasetCommand(new TwoTables(), DatasetOptions.clean(1), 1)));
    assertSame(broken, thrown);
  }

  /** A fake dataset whose rows reuse one array, as the real generators may. */
  private static final class TwoTables implements ReferenceDataset {
    @Override
    public String name() {
      return "two-tables";
    }

    @Override
    public String mysqlSchemaResource() {
      return "/dev/converge/application/service/two-tables.sql";
    }

    @Override
    public String postgresMigrationLocation() {
      return "classpath:none";
    }

    @Override
    public List<GeneratedTable> tables() {
      return List.of(table("parent", 3), table("child", 5));
    }

    private static GeneratedTable table(String name, int count) {
      return new GeneratedTable() {
        @Override
        public String name() {
          return name;
        }

        @Override
        public List<String> columns() {
          return List.of("id", "parentId");
        }

        @Override
        public long rowCount(DatasetOptions options) {
          return count;
        }

        @Override
        public void rows(DatasetOptions options, Consumer<Object[]> sink) {
          Object[] row = new Object[2];
          for (int i = 0; i < count; i++) {
            row[0] = i;
            row[1] = i % 3;
            sink.accept(row);
          }
        }
      };
    }
  }
}
