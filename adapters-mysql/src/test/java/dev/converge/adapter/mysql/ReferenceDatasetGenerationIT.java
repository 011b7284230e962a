package dev.converge.adapter.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.converge.adapter.mysql.connection.MySqlDataSourceFactory;
import dev.converge.adapter.embedded.mysql.MySqlFlavor;
import dev.converge.dataset.DatasetOptions;
import dev.converge.dataset.GeneratedTable;
import dev.converge.dataset.ReferenceDataset;
import dev.converge.dataset.ReferenceDatasets;
import dev.converge.application.port.in.GenerateDatasetCommand;
import dev.converge.application.port.in.GenerateDatasetReport;
import dev.converge.application.service.GenerateDatasetService;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each reference dataset's MySQL schema loads into MySQL 8.0.31 and MariaDB 11.4, and every generated row arrives. */
class ReferenceDatasetGenerationIT {

  private static final double SCALE = 0.001;

  static Stream<Arguments> cases() {
    return Stream.of(MySqlFlavor.values()).flatMap(flavor -> ReferenceDatasets.all().stream()
        .flatMap(dataset -> Stream.of(false, true).map(dirty -> Arguments.of(flavor, dataset.name(), dirty))));
  }

  @ParameterizedTest(name = "{1} on {0}, dirty={2}")
  @MethodSource("cases")
  void everyGeneratedRowArrivesInItsSourceTable(MySqlFlavor flavor, String datasetName, boolean dirty) throws SQLException {
    ReferenceDataset dataset = ReferenceDatasets.byName(datasetName).orElseThrow();
    String database = SharedMySqlServers.freshDatabase(flavor, datasetName + (dirty ? "_dirty" : "_clean"));
    DatasetOptions options = new DatasetOptions(SCALE, DatasetOptions.DEFAULT_SEED, dirty);
    try (HikariDataSource pool = MySqlDataSourceFactory.writable(SharedMySqlServers.of(flavor).endpoint(database), 2)) {
      MySqlDatasetLoadAdapter loader = new MySqlDatasetLoadAdapter(pool);
      GenerateDatasetReport report = new GenerateDatasetService(loader, loader)
          .generate(new GenerateDatasetCommand(dataset, options, 2));

      assertEquals(dataset.tables().size(), report.rowsPerTable().size());
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
        for (GeneratedTable table : dataset.tables()) {
          long expected = table.rowCount(options);
          assertEquals(expected, report.rowsPerTable().get(table.name()), table.name());
          try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM `" + table.name() + "`")) {
            count.next();
            assertEquals(expected, count.getLong(1), "rows in " + table.name());
          }
        }
      }
      assertTrue(report.totalRows() > 300, "scale " + SCALE + " gives hundreds of rows, not " + report.totalRows());
    }
  }
}
