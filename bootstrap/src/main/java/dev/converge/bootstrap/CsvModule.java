package dev.converge.bootstrap;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.converge.adapter.csv.JacksonJsonRenderingAdapter;
import dev.converge.application.port.out.RenderJsonPort;

/** Wires adapters-csv's process-wide pieces: JSON rendering for {@code --output json}. */
@Module
interface CsvModule {

  @Binds
  RenderJsonPort renderJson(JacksonJsonRenderingAdapter adapter);

  @Provides
  static JacksonJsonRenderingAdapter jacksonJsonRenderingAdapter() {
    return new JacksonJsonRenderingAdapter();
  }
}
