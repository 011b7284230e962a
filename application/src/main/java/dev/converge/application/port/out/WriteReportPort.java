package dev.converge.application.port.out;

/** Writes a phase's report into the work directory as Markdown and JSON. */
public interface WriteReportPort {

  /** Writes {@code <name>.md} and {@code <name>.json}; returns the Markdown file's path. */
  String write(String name, String markdown, Object json);
}
