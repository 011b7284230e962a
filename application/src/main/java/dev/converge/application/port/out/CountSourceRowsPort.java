package dev.converge.application.port.out;

import java.util.List;
import java.util.Map;

/** Exact source row counts, all read in one consistent snapshot. */
public interface CountSourceRowsPort {

  Map<String, Long> countRows(List<String> tables);
}
