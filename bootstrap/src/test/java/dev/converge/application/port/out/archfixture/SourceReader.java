package dev.converge.application.port.out.archfixture;

/** Breaks the port naming rule: an outgoing port not named *Port. */
public interface SourceReader {
  void read();
}
