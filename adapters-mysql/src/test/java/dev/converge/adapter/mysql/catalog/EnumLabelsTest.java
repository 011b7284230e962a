package dev.converge.adapter.mysql.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnumLabelsTest {

  @Test
  void plainLabelsComeBackInDeclarationOrder() {
    assertEquals(List.of("draft", "published", "archived"), EnumLabels.parse("enum('draft','published','archived')"));
  }

  @Test
  void aSetIsReadLikeAnEnum() {
    assertEquals(List.of("red", "green", "blue"), EnumLabels.parse("set('red','green','blue')"));
  }

  @Test
  void commasAndParenthesesInsideALabelDoNotSplitOrEndIt() {
    assertEquals(List.of("happy, really", "a)b", "(x)", ",", ")"), EnumLabels.parse("enum('happy, really','a)b','(x)',',',')')"));
  }

  @Test
  void aDoubledQuoteIsOneQuote() {
    assertEquals(List.of("it's fine", "'", "''"), EnumLabels.parse("enum('it''s fine','''','''''')"));
  }

  @Test
  void backslashEscapesAreDecodedAsTheServerWroteThem() {
    // The server escapes exactly these four with a backslash (append_unescaped in sql/table.cc).
    assertEquals(List.of("back\\slash", "line\nbreak", "carriage\rreturn", "nul\0byte"),
        EnumLabels.parse("enum('back\\\\slash','line\\nbreak','carriage\\rreturn','nul\\0byte')"));
  }

  @Test
  void aBackslashBeforeAnyOtherCharacterKeepsThatCharacter() {
    assertEquals(List.of("q'x", "%", "y"), EnumLabels.parse("enum('q\\'x','\\%','\\y')"));
  }

  @Test
  void aTabAndOtherControlCharactersAppearAsTheyAre() {
    assertEquals(List.of("tab\tx"), EnumLabels.parse("enum('tab\tx')"));
  }

  @Test
  void spacesAndUnicodeAreKeptExactly() {
    assertEquals(List.of(" leading", "Grüße 東京", "emoji 🙂", ""), EnumLabels.parse("enum(' leading','Grüße 東京','emoji 🙂','')"));
  }

  @Test
  void theLabelsKeepTheirCaseWhateverCaseTheTypeKeywordHas() {
    assertEquals(List.of("Active", "INACTIVE"), EnumLabels.parse("ENUM('Active','INACTIVE')"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"varchar(10)", "enum", "enum()", "enum('a'", "enum('a)", "enum('a','b')x", "enum(a)",
      "enum('a' ,'b')", "enum('a\\"})
  void aMalformedTypeIsRejectedWithTheTypeInTheMessage(String columnType) {
    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> EnumLabels.parse(columnType));
    assertTrue(failure.getMessage().contains(columnType), failure.getMessage());
  }
}
