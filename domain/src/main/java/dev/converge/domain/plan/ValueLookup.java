package dev.converge.domain.plan;

import java.util.List;

/**
 * The source rows a column's map lookup finds for one value: the application answers it by querying
 * the source (read-only, cached per value); the scan turns the answer into the mapped value, or
 * into a dirty row when the lookup finds no row or several.
 */
@FunctionalInterface
public interface ValueLookup {

  /** For a plan without maps: any call is a programming error. */
  ValueLookup NONE = (sql, value) -> {
    throw new IllegalStateException("no source lookup for " + sql);
  };

  /**
   * The first column of at most two rows {@code sql} returns with every {@code ?} bound to
   * {@code value}, as the source adapter streams values (String or byte[]; null for NULL).
   */
  List<Object> matches(String sql, Object value);
}
