package dev.converge.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.converge.adapter.shell.CommandHelp;
import dev.converge.adapter.shell.CompletionCommand;
import dev.converge.adapter.shell.ConfiguredDefaults;
import dev.converge.adapter.shell.ConnectCommand;
import dev.converge.adapter.shell.ConvergeCommand;
import dev.converge.adapter.shell.DemoCommand;
import dev.converge.adapter.shell.DurationText;
import dev.converge.adapter.shell.ExportCommand;
import dev.converge.adapter.shell.ImportCommand;
import dev.converge.adapter.shell.MigrateCommand;
import dev.converge.adapter.shell.PhaseContext;
import dev.converge.adapter.shell.PlanCommand;
import dev.converge.adapter.shell.ReportCommand;
import dev.converge.adapter.shell.RollbackCommand;
import dev.converge.adapter.shell.RunControl;
import dev.converge.adapter.shell.SchemaCommand;
import dev.converge.adapter.shell.ShellCommand;
import dev.converge.adapter.shell.ShellTerminals;
import dev.converge.adapter.shell.StatusCommand;
import dev.converge.adapter.shell.TerminalProgressAdapter;
import dev.converge.adapter.shell.ValidateCommand;
import dev.converge.adapter.shell.SyncCommand;
import dev.converge.adapter.shell.VerifyCommand;
import dev.converge.application.port.out.RenderJsonPort;
import dev.converge.application.port.out.ReportProgressPort;
import dev.converge.application.session.DemoEnvironments;
import dev.converge.application.session.MigrationSessions;
import dev.converge.application.session.Workspaces;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.inject.Singleton;
import picocli.CommandLine;

/** Wires adapters-shell: the picocli command tree shared by batch mode and the interactive shell. */
@Module
interface ShellModule {

  @Provides
  @Singleton
  static TerminalProgressAdapter progressBoard(@ErrorOutput PrintWriter err) {
    return new TerminalProgressAdapter(err);
  }

  @Provides
  static ReportProgressPort progress(TerminalProgressAdapter board) {
    return board;
  }

  @Provides
  @Singleton
  static RunControl runControl() {
    return new RunControl();
  }

  @Provides
  @Singleton
  static ConfiguredDefaults configuredDefaults(OperatorEnvironment environment) {
    return new ConfiguredDefaults(environment::variable);
  }

  @Provides
  @Singleton
  static PhaseContext phaseContext(MigrationSessions sessions, Workspaces workspaces, RenderJsonPort json,
      PrintWriter out, TerminalProgressAdapter progress, RunControl control, ConfiguredDefaults defaults) {
    // Through the defaults, so that the demo's isolation reaches the passwords too.
    return new PhaseContext(sessions, workspaces, json, out, progress, ShellModule::exitStatus, control,
        defaults::variable);
  }

  private static int exitStatus(Throwable failure) {
    return ExitStatus.of(failure instanceof ConvergeException converge ? converge.code() : ErrorCode.INTERNAL);
  }

  @Provides
  static CommandLine commandLine(PhaseContext context, ConfiguredDefaults defaults, DemoEnvironments demos,
      ShellTerminals terminals, BuildInfo build, PrintWriter out, CommandLine.IExecutionExceptionHandler failures,
      RenderJsonPort json) {
    CommandLine commandLine = new CommandLine(new ConvergeCommand(out));
    commandLine.addSubcommand(new ConnectCommand(context, defaults));
    commandLine.addSubcommand(new SchemaCommand(context));
    commandLine.addSubcommand(new PlanCommand(context));
    commandLine.addSubcommand(new ExportCommand(context));
    commandLine.addSubcommand(new ValidateCommand(context));
    commandLine.addSubcommand(new ImportCommand(context));
    commandLine.addSubcommand(new VerifyCommand(context));
    commandLine.addSubcommand(new SyncCommand(context));
    commandLine.addSubcommand(new ReportCommand(context));
    commandLine.addSubcommand(new StatusCommand(context));
    commandLine.addSubcommand(new RollbackCommand(context));
    commandLine.addSubcommand(new MigrateCommand(context));
    commandLine.addSubcommand(new DemoCommand(context, demos, defaults, terminals));
    commandLine.addSubcommand(new ShellCommand(context, defaults, terminals));
    commandLine.addSubcommand(new CompletionCommand(out));
    commandLine.getCommandSpec().version(build.versionLines());
    Map<Integer, String> stopped = new LinkedHashMap<>();
    stopped.put(ExitStatus.INTERRUPTED, "stopped by SIGINT (Ctrl-C): committed tables stay; run it again to resume");
    stopped.put(ExitStatus.TERMINATED, "stopped by SIGTERM (e.g. Kubernetes): the same");
    CommandHelp.apply(commandLine, ExitStatus::of, ExitStatus.USAGE, stopped);
    commandLine.setOut(out);
    // Before the defaults are read: a duration from converge.yml or the environment reads like one on the line.
    commandLine.registerConverter(Duration.class, new DurationText());
    commandLine.setExecutionExceptionHandler(failures);
    commandLine.setParameterExceptionHandler(FailureModule.usageReporter(commandLine.getParameterExceptionHandler(),
        out, json));
    // Set after the subcommands are added: picocli hands the provider down to those present now.
    commandLine.setDefaultValueProvider(defaults);
    return commandLine;
  }
}
