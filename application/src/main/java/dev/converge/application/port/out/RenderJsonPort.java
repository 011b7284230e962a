package dev.converge.application.port.out;

/** Renders a phase's result record as JSON, for {@code --output json}. */
public interface RenderJsonPort {

  String json(Object report);
}
