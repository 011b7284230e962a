package dev.converge.adapter.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.converge.domain.failure.ConvergeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaCommandTest {

  @Test
  void aProvisioningCommandSplitsIntoWordsWithQuotesGrouping() {
    assertEquals(List.of("kratos", "migrate", "sql", "-e", "--yes"), SchemaCommand.words("kratos migrate sql -e --yes"));
    assertEquals(List.of("bash", "-c", "echo \"$PGHOST\" && exit 0"),
        SchemaCommand.words("bash -c 'echo \"$PGHOST\" && exit 0'"));
    assertEquals(List.of("a b", "", "c"), SchemaCommand.words("\"a b\" '' c"));
  }

  @Test
  void anUnbalancedQuoteOrAnEmptyCommandIsAConfigurationError() {
    assertThrows(ConvergeException.class, () -> SchemaCommand.words("bash -c 'oops"));
    assertThrows(ConvergeException.class, () -> SchemaCommand.words("   "));
  }
}
