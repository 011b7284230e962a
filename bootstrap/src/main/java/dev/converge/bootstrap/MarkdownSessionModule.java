package dev.converge.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.converge.adapter.markdown.FileReportAdapter;
import dev.converge.application.connection.ConnectionSettings;
import dev.converge.application.port.out.RenderJsonPort;
import dev.converge.application.port.out.WriteReportPort;

/** Wires adapters-markdown into a session: the reports in the run's work directory. */
@Module
interface MarkdownSessionModule {

  @Provides
  static WriteReportPort reports(ConnectionSettings settings, RenderJsonPort json) {
    return new FileReportAdapter(settings.workDirectory(), json);
  }
}
