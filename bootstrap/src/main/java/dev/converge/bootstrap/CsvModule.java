package dev.converge.bootstrap;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.converge.adapter.csv.FileWorkDirectoryLockAdapter;
import dev.converge.adapter.csv.JacksonJsonRenderingAdapter;
import dev.converge.application.port.out.RenderJsonPort;
import javax.inject.Singleton;

/**
 * Wires adapters-csv's process-wide pieces: JSON rendering for {@code --output json}, and the
 * work-directory locks the command holds until it ends.
 */
@Module
interface CsvModule {

  @Binds
  RenderJsonPort renderJson(JacksonJsonRenderingAdapter adapter);

  @Provides
  static JacksonJsonRenderingAdapter jacksonJsonRenderingAdapter() {
    return new JacksonJsonRenderingAdapter();
  }

  @Provides
  @Singleton
  static FileWorkDirectoryLockAdapter.Held workDirectoryLocks() {
    return new FileWorkDirectoryLockAdapter.Held();
  }
}
