package dev.converge.bootstrap;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.converge.adapter.json.JacksonJsonRenderingAdapter;
import dev.converge.application.port.out.RenderJsonPort;

/**
 * Wires adapters-json's process-wide piece: JSON rendering, for {@code --output json} and for the
 * reports' JSON beside their Markdown.
 */
@Module
interface JsonModule {

  @Binds
  RenderJsonPort renderJson(JacksonJsonRenderingAdapter adapter);

  @Provides
  static JacksonJsonRenderingAdapter jacksonJsonRenderingAdapter() {
    return new JacksonJsonRenderingAdapter();
  }
}
