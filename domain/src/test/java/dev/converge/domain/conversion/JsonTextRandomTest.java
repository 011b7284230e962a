package dev.converge.domain.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Random documents, written with random spacing, key order (shuffled, or jsonb's own) and optional escapes, must all
 * canonicalise to what an independent writer of the same tree produces (keys by UTF-8 length then
 * bytes, only the escapes JSON requires): the fast paths of {@link JsonText} change nothing.
 */
class JsonTextRandomTest {

  private static final String[] PIECES = {"a", "b", "id", "ß", "é", "😀", "\"", "\\", "/", "\n", "\t", "x y", "\u0001",
      "Ω", "nid", "ZZ"};

  @Test
  void randomDocumentsCanonicaliseToTheIndependentWriterOfTheirTree() {
    SplittableRandom random = new SplittableRandom(20261122L);
    for (int i = 0; i < 3000; i++) {
      Object tree = value(random, 0);
      String expected = canonical(tree);
      String written = write(tree, random);
      assertEquals(expected, JsonText.canonical(written), written);
      assertEquals(expected, JsonText.canonical(expected), "idempotent: " + expected);
    }
  }

  private static final String STRAY = "{}[],:\"\\x0-e";

  /** Validation is the canonical parse writing nothing: random documents, and each broken by one cut or one stray character. */
  @Test
  void validationAcceptsExactlyWhatTheCanonicalParseAccepts() {
    SplittableRandom random = new SplittableRandom(20261202L);
    for (int i = 0; i < 3000; i++) {
      String written = write(value(random, 0), random);
      String broken = random.nextBoolean() ? written.substring(0, random.nextInt(written.length() + 1))
          : new StringBuilder(written).insert(random.nextInt(written.length() + 1), STRAY.charAt(random.nextInt(STRAY.length())))
              .toString();
      for (String text : new String[] {written, broken}) {
        boolean parses;
        try {
          JsonText.canonical(text);
          parses = true;
        } catch (IllegalArgumentException e) {
          parses = false;
        }
        assertEquals(parses, JsonText.isValid(text), text);
      }
    }
  }

  private static Object value(SplittableRandom random, int depth) {
    int kind = random.nextInt(depth > 3 ? 3 : 5);
    switch (kind) {
      case 0:
        return string(random);
      case 1:
        return random.nextBoolean() ? Boolean.TRUE : null;
      case 2:
        return Long.valueOf(random.nextInt(-1000, 1000));
      case 3: {
        List<Object> items = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          items.add(value(random, depth + 1));
        }
        return items;
      }
      default: {
        Map<String, Object> members = new LinkedHashMap<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          members.put(string(random), value(random, depth + 1));
        }
        return members;
      }
    }
  }

  private static String string(SplittableRandom random) {
    StringBuilder value = new StringBuilder();
    for (int i = random.nextInt(4); i > 0; i--) {
      value.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return value.toString();
  }

  /** The document as someone else might have written it: spaces, keys shuffled, escapes where allowed. */
  @SuppressWarnings("unchecked")
  private static String write(Object tree, SplittableRandom random) {
    String space = random.nextBoolean() ? "" : " \n ";
    if (tree instanceof Map<?, ?> map) {
      List<Map.Entry<String, Object>> members = new ArrayList<>(((Map<String, Object>) map).entrySet());
      if (random.nextBoolean()) {
        java.util.Collections.shuffle(members, new java.util.Random(random.nextLong()));
      } else {
        // In jsonb's order already, as MySQL's JSON type and jsonb print objects: the path without sorting.
        members.sort((a, b) -> KEY_ORDER.compare(a.getKey(), b.getKey()));
      }
      StringBuilder out = new StringBuilder("{" + space);
      for (int i = 0; i < members.size(); i++) {
        out.append(i == 0 ? "" : "," + space).append(quote(members.get(i).getKey(), random)).append(space).append(':')
            .append(space).append(write(members.get(i).getValue(), random));
      }
      return out.append(space).append('}').toString();
    }
    if (tree instanceof List<?> list) {
      StringBuilder out = new StringBuilder("[" + space);
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : "," + space).append(write(list.get(i), random));
      }
      return out.append(space).append(']').toString();
    }
    if (tree instanceof String text) {
      return quote(text, random);
    }
    return String.valueOf(tree);
  }

  private static String quote(String text, SplittableRandom random) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\' || c < 0x20 || (random.nextInt(8) == 0)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static final java.util.Comparator<String> KEY_ORDER = (a, b) -> {
    byte[] x = a.getBytes(StandardCharsets.UTF_8);
    byte[] y = b.getBytes(StandardCharsets.UTF_8);
    return x.length != y.length ? Integer.compare(x.length, y.length) : Arrays.compareUnsigned(x, y);
  };

  /** The independent writer: keys by UTF-8 length, then unsigned bytes; minimal escapes. */
  @SuppressWarnings("unchecked")
  private static String canonical(Object tree) {
    if (tree instanceof Map<?, ?> map) {
      TreeMap<String, Object> sorted = new TreeMap<>(KEY_ORDER);
      sorted.putAll((Map<String, Object>) map);
      StringBuilder out = new StringBuilder("{");
      sorted.forEach((key, value) -> out.append(out.length() > 1 ? "," : "").append(minimal(key)).append(':')
          .append(canonical(value)));
      return out.append('}').toString();
    }
    if (tree instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      list.forEach(item -> items.add(canonical(item)));
      return "[" + String.join(",", items) + "]";
    }
    if (tree instanceof String text) {
      return minimal(text);
    }
    return String.valueOf(tree);
  }

  private static String minimal(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }
}
