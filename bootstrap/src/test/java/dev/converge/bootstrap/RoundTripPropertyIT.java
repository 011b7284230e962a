package dev.converge.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round-trip property on a seeded sample: random values of every conversion kind through real
 * MySQL 8.0.31, {@code converge migrate} and PostgreSQL 17.5 arrive as an independent expectation
 * says they must. A million values per family run as a benchmark (bench/round-trip.sh).
 */
class RoundTripPropertyIT {

  private static final int ROWS = 2_000;

  @TempDir Path work;

  @Test
  void everyRandomValueOfEveryConversionKindArrivesAsWritten() throws Exception {
    RoundTripProperty.Result result = new RoundTripProperty().run(20261202L, ROWS, EmbeddedServers.mySql(),
        EmbeddedServers.postgres(), work);

    assertEquals("", result.differences().stream().limit(20).map(Object::toString)
        .collect(Collectors.joining("\n")), "seed " + result.seed() + "; " + result.differences().size()
        + " difference(s)");
    result.valuesPerKind().forEach((family, values) -> assertTrue(values > ROWS * 8 / 10,
        family + ": only " + values + " non-NULL values compared"));
  }
}
