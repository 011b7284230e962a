package dev.converge.application.port.in.archfixture;

/** Breaks the use-case naming rule: an incoming port not named *UseCase. */
public interface ExportTables {
  void export();
}
