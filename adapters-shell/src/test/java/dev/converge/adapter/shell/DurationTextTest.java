package dev.converge.adapter.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationTextTest {

  @Test
  void durationsReadAsOperatorsWriteThem() {
    assertEquals(Duration.ofSeconds(60), DurationText.parse("60s"));
    assertEquals(Duration.ofMinutes(15), DurationText.parse("15m"));
    assertEquals(Duration.ofMinutes(90), DurationText.parse("1h30m"));
    assertEquals(Duration.ofMillis(500), DurationText.parse("500ms"));
    assertEquals(Duration.ofSeconds(10), DurationText.parse("10"));
    assertEquals(Duration.ofMinutes(15), DurationText.parse("PT15M"));
    assertEquals(Duration.ofMinutes(30), DurationText.parse("pt30m"));
    assertEquals(Duration.ofSeconds(3725), DurationText.parse("1h2m5s"));
  }

  @Test
  void anythingElseSaysHowToWriteADuration() {
    for (String wrong : new String[] {"", "15x", "m", "1.5h", "P", "30 minutes"}) {
      TypeConversionException refused = assertThrows(TypeConversionException.class, () -> DurationText.parse(wrong));
      assertTrue(refused.getMessage().contains("60s, 15m, 1h30m"), refused.getMessage());
    }
  }
}
