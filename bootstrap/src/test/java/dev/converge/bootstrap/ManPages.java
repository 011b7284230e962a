package dev.converge.bootstrap;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * A build step, not a test: writes the man pages of converge and of each command in AsciiDoc
 * (picocli-codegen's {@link ManPageGenerator}) from the command model converge itself runs, the
 * one {@code --help} and the completion script come from; Asciidoctor renders them to troff at
 * {@code package} (bootstrap/pom.xml).
 */
final class ManPages {

  private ManPages() {}

  /** {@code ManPages DIRECTORY}: one {@code .adoc} page per command in the directory. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ManPages DIRECTORY");
    }
    CommandLine root = TestComponents.quiet().commandLine();
    labelValues(root);
    root.getSubcommands().values().forEach(ManPages::labelValues);
    int status = ManPageGenerator.generateManPage(new File(args[0]), null, new boolean[0], true,
        root.getCommandSpec());
    if (status != 0) {
      throw new IllegalStateException("the man pages were not written (status " + status + ")");
    }
  }

  /**
   * The generator draws value labels itself, from each option's own label: give each option the
   * label its --help shows ({@code --parallel=N}, not {@code <parallelism>}).
   */
  private static void labelValues(CommandLine command) {
    CommandSpec spec = command.getCommandSpec();
    Help.IParamLabelRenderer labels = command.getHelp().parameterLabelRenderer();
    for (OptionSpec option : new ArrayList<>(spec.options())) {
      if (option.arity().max() == 0 || !option.paramLabel().startsWith("<")) {
        continue;
      }
      String label = labels.renderParameterLabel(option, Ansi.OFF, List.of()).toString()
          .substring(labels.separator().length()).replaceFirst("\\[.*$", "");
      spec.remove(option);
      spec.addOption(option.toBuilder().paramLabel(label).build());
    }
  }
}
