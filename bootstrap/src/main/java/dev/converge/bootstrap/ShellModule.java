package dev.converge.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.converge.adapter.shell.ConvergeCommand;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Wires adapters-shell: the picocli command tree shared by batch mode and the interactive shell. */
@Module
interface ShellModule {

  @Provides
  static ConvergeCommand convergeCommand(PrintWriter out) {
    return new ConvergeCommand(out);
  }

  @Provides
  static CommandLine commandLine(ConvergeCommand root, BuildInfo build, PrintWriter out, CommandLine.IExecutionExceptionHandler failures) {
    CommandLine commandLine = new CommandLine(root);
    commandLine.getCommandSpec().version(build.versionLines());
    commandLine.setOut(out);
    commandLine.setExecutionExceptionHandler(failures);
    return commandLine;
  }
}
