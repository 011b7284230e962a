package dev.converge.adapter.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.application.port.out.RenderJsonPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;

/** Renders result records (plans, reports) as indented JSON with Jackson. */
public final class JacksonJsonRenderingAdapter implements RenderJsonPort {

  /** The same configuration as the work directory's files: ISO-8601 instants, durations in seconds. */
  private final ObjectMapper json = JsonMappers.create();

  @Override
  public String json(Object report) {
    try {
      return json.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new ConvergeException(ErrorCode.INTERNAL, "cannot render " + report.getClass().getSimpleName() + " as JSON", e);
    }
  }
}
