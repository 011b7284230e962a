package dev.converge.application.port.out;

import java.util.List;
import java.util.Map;

/** Facts about the target beyond its schema: rows already present, and what the login may do. */
public interface InspectTargetPort {

  /** Exact row counts of the given tables (those a seed migration may have filled). */
  Map<String, Long> countRows(List<String> tables);

  /** Whether the login may set {@code session_replication_role} (superuser, or granted SET on it). */
  boolean maySetReplicationRole();
}
