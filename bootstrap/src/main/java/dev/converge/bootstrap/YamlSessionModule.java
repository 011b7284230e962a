package dev.converge.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.converge.adapter.yaml.JacksonChecklistFileAdapter;
import dev.converge.application.port.out.ReadChecklistPort;

/** Wires adapters-yaml into a session: the checklists verify runs. */
@Module
interface YamlSessionModule {

  @Provides
  static ReadChecklistPort checklists() {
    return new JacksonChecklistFileAdapter();
  }
}
