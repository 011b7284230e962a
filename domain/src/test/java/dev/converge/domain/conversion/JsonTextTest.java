package dev.converge.domain.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTextTest {

  @Test
  void documentsThatJsonbConsidersEqualHaveOneCanonicalForm() {
    String mysql = "{\"b\": 1.50, \"a\": [true, null, \"x\"], \"b\": 2e2}";
    String postgres = "{\"a\": [true, null, \"x\"], \"b\": 200}";
    assertEquals(JsonText.canonical(postgres), JsonText.canonical(mysql), "last duplicate key wins, as in jsonb");
    assertEquals("{\"a\":[true,null,\"x\"],\"b\":200}", JsonText.canonical(mysql));
  }

  @Test
  void keysAreOrderedAsJsonbOrdersThemShorterFirst() {
    assertEquals("{\"b\":1,\"aa\":2}", JsonText.canonical("{\"aa\": 2, \"b\": 1}"));
  }

  @Test
  void anObjectFoundOutOfOrderPartWayIsWrittenAgainSorted() {
    // In order up to "cc", nested objects in and out of order, then a key that sorts earlier.
    assertEquals("{\"a\":{\"x\":1,\"yy\":2},\"b\":[{\"p\":1,\"q\":2}],\"cc\":3,\"ddd\":4}",
        JsonText.canonical("{\"a\": {\"x\": 1, \"yy\": 2}, \"cc\": 3, \"ddd\": 4, \"b\": [{\"q\": 2, \"p\": 1}]}"));
    assertEquals("{\"a\":2}", JsonText.canonical("{\"a\": 1, \"a\": 2}"), "a repeated key: the last wins");
    assertEquals("{\"a\":3,\"b\":2}", JsonText.canonical("{\"a\": 1, \"b\": 2, \"a\": 3}"), "also apart");
    assertEquals("{\"a\":[],\"b\":{}}", JsonText.canonical("{ \"a\" : [ ] , \"b\" : { } }"));
  }

  @Test
  void deeplyNestedObjectsOutOfOrderAreReadOnce() {
    // Each level out of order after its nested value: a restart per level would read the innermost 2^depth times.
    String text = "{}";
    String expected = "{}";
    for (int depth = 0; depth < 60; depth++) {
      text = "{\"b\": " + text + ", \"a\": 0}";
      expected = "{\"a\":0,\"b\":" + expected + "}";
    }
    assertEquals(expected, JsonText.canonical(text));
  }

  @Test
  void numbersHaveOneTextIntegersTheirOwn() {
    assertEquals("[0,0,-12,100,1.5,200,0,-0.25,12345678901234567890123]",
        JsonText.canonical("[0, -0, -12, 100, 1.50, 2e2, -0.0, -25E-2, 12345678901234567890123]"));
  }

  @Test
  void escapesAreResolvedAndOnlyTheNecessaryOnesWrittenBack() {
    assertEquals("\"é/\\n\\\"\"", JsonText.canonical("\"\\u00e9\\/\\n\\\"\""));
    assertEquals("\"👋\"", JsonText.canonical("\"\\ud83d\\udc4b\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "{\"a\" 1}", "[1,]", "01", "1.", "\"tab\there\"", "\"\\x\"", "tru", "{} {}", "٣",
      "\"\\u+041\"", "\"\\u-041\"", "{\"\\u00g1\":1}", "\"\\u１２３４\"", "\"\\u12\""})
  void invalidJsonIsRejected(String text) {
    assertFalse(JsonText.isValid(text), text);
    // Validation (the plan's scan) and the canonical parse (export) refuse the same texts.
    assertThrows(IllegalArgumentException.class, () -> JsonText.validate(text), text);
    assertThrows(IllegalArgumentException.class, () -> JsonText.canonical(text), text);
  }

  @Test
  void theNulEscapeIsFoundOnlyWhenItIsAnEscape() {
    assertTrue(JsonText.hasNulEscape("\"a\\u0000b\""));
    assertFalse(JsonText.hasNulEscape("\"a\\\\u0000b\""), "an escaped backslash followed by u0000 is text");
    assertTrue(JsonText.hasNulEscape("\"a\\\\\\u0000b\""));
    assertEquals("\"ab\"", JsonText.withoutNulEscapes("\"a\\u0000b\""));
    assertEquals("\"a\\\\u0000b\"", JsonText.withoutNulEscapes("\"a\\\\u0000b\""));
  }
}
