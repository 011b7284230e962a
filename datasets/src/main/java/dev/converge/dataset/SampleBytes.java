package dev.converge.dataset;

import java.util.SplittableRandom;

/** Binary values for blob columns: every byte value once, and small image-like payloads. */
final class SampleBytes {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private SampleBytes() {}

  /** The 256 byte values 0x00 to 0xFF in order. */
  static byte[] everyByteValue() {
    byte[] bytes = new byte[256];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    return bytes;
  }

  /** A PNG signature followed by random bytes, {@code minBytes} to {@code maxBytes} long in all. */
  static byte[] imageLike(SplittableRandom random, int minBytes, int maxBytes) {
    byte[] bytes = new byte[minBytes + random.nextInt(maxBytes - minBytes + 1)];
    System.arraycopy(PNG_SIGNATURE, 0, bytes, 0, Math.min(PNG_SIGNATURE.length, bytes.length));
    for (int i = PNG_SIGNATURE.length; i < bytes.length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }
}
