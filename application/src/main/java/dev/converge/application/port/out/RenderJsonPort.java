package dev.converge.application.port.out;

/** Renders a result record as JSON: for {@code --output json}, and beside each Markdown report. */
public interface RenderJsonPort {

  String json(Object report);
}
