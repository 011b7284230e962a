package dev.converge.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferenceDatasetsTest {

  @Test
  void bothDatasetsAreFoundByTheirCommandLineNames() {
    assertEquals("alkemio", ReferenceDatasets.byName("alkemio").orElseThrow().name());
    assertEquals("kratos", ReferenceDatasets.byName("kratos").orElseThrow().name());
    assertTrue(ReferenceDatasets.byName("Alkemio").isEmpty());
    assertEquals(
        List.of("alkemio", "kratos"),
        ReferenceDatasets.all().stream().map(ReferenceDataset::name).toList());
  }

  @Test
  void theSchemaResourcesAndMigrationDirectoriesAreOnTheClasspath() {
    ClassLoader loader = ReferenceDatasetsTest.class.getClassLoader();
    for (ReferenceDataset dataset : ReferenceDatasets.all()) {
      assertTrue(
          loader.getResource(dataset.mysqlSchemaResource()) != null, dataset.mysqlSchemaResource());
      String directory = dataset.postgresMigrationLocation().substring("classpath:".length());
      assertTrue(loader.getResource(directory + "/V1__baseline.sql") != null, directory);
      assertTrue(loader.getResource(directory + "/V2__seed.sql") != null, directory);
    }
  }

  @Test
  void theTablesNeverCopiedAreTheCacheAndTheMigrationHistories() {
    assertEquals(
        Set.of("query-result-cache", "migrations_typeorm"),
        new AlkemioDataset().tablesNeverCopied());
    assertEquals(Set.of("schema_migration"), new KratosDataset().tablesNeverCopied());
    assertEquals(25, new AlkemioDataset().tables().size());
    assertEquals(11, new KratosDataset().tables().size());
  }
}
