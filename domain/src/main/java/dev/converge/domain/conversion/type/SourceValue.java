package dev.converge.domain.conversion.type;

/** The two shapes a source value arrives in: text, or bytes for binary types. */
final class SourceValue {

  private SourceValue() {}

  static String text(Object value) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new IllegalArgumentException("expected text from the source adapter, got " + value.getClass().getSimpleName());
  }

  static byte[] bytes(Object value) {
    if (value instanceof byte[] bytes) {
      return bytes;
    }
    throw new IllegalArgumentException("expected bytes from the source adapter, got " + value.getClass().getSimpleName());
  }
}
