package dev.converge.adapter.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.application.port.in.Parallelism;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** {@code --parallel} is a typed {@link Parallelism}, checked while the command line is parsed. */
class ParallelismTextTest {

  @Test
  void aNumberOfTablesFromOneToThirtyTwoIsAParallelism() {
    assertEquals(new Parallelism(1), new ParallelismText().convert("1"));
    assertEquals(32, new ParallelismText().convert(" 32 ").tables());
  }

  @Test
  void zeroTooManyOrNotANumberIsRefusedSayingTheRange() {
    for (String wrong : new String[] {"0", "33", "four"}) {
      TypeConversionException refused = assertThrows(TypeConversionException.class,
          () -> new ParallelismText().convert(wrong));
      assertTrue(refused.getMessage().startsWith("--parallel must be") && refused.getMessage().contains("1 to 32"),
          refused.getMessage());
    }
  }

  @Test
  void everyPhaseCommandParsesItsParallelOptionSo() {
    ImportCommand load = new ImportCommand(TestContexts.parsingOnly());
    new CommandLine(load).parseArgs("--parallel", "7");
    assertEquals(7, load.step().command().parallelism().tables());
    CommandLine.ParameterException refused = assertThrows(CommandLine.ParameterException.class,
        () -> new CommandLine(new ExportCommand(TestContexts.parsingOnly())).parseArgs("--parallel", "40"));
    assertTrue(refused.getMessage().contains("--parallel must be 1 to 32"), refused.getMessage());
  }
}
