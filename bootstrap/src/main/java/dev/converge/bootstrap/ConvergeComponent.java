package dev.converge.bootstrap;

import dagger.BindsInstance;
import dagger.Component;
import dev.converge.adapter.shell.ConfiguredDefaults;
import dev.converge.adapter.shell.RunControl;
import dev.converge.adapter.shell.ShellTerminals;
import dev.converge.adapter.workdir.FileWorkDirectoryLockAdapter;
import dev.converge.application.port.out.RenderJsonPort;
import dev.converge.application.port.out.StartSourceServerPort;
import dev.converge.application.port.out.StartTargetServerPort;
import dev.converge.application.session.MigrationSessions;
import java.io.PrintWriter;
import java.time.Clock;
import javax.inject.Singleton;
import picocli.CommandLine;

/** The compile-time object graph of one converge process. */
@Singleton
@Component(modules = {ShellModule.class, MySqlModule.class, PostgresModule.class, JsonModule.class,
    WorkDirectoryModule.class, FailureModule.class, SessionsModule.class})
interface ConvergeComponent {

  CommandLine commandLine();

  StartSourceServerPort sourceServers();

  StartTargetServerPort targetServers();

  MigrationSessions sessions();

  ConfiguredDefaults defaults();

  RunControl runControl();

  /** Renders the failure document of a command line that failed before its command ran. */
  RenderJsonPort json();

  /** The work directories this command locked; closed when it ends. */
  FileWorkDirectoryLockAdapter.Held workDirectoryLocks();

  @Component.Factory
  interface Factory {
    ConvergeComponent create(
        @BindsInstance BuildInfo build,
        @BindsInstance PrintWriter out,
        @BindsInstance @ErrorOutput PrintWriter err,
        @BindsInstance Clock clock,
        @BindsInstance ShellTerminals terminals,
        @BindsInstance OperatorEnvironment environment);
  }
}
