package dev.converge.domain.plan;

/** How the load keeps foreign keys from blocking tables that arrive in parallel or in a cycle. */
public enum ForeignKeyStrategy {
  /** {@code session_replication_role = replica} in the loading sessions (needs superuser or a grant). */
  REPLICATION_ROLE,
  /** Drop the target's foreign keys before the load and re-create them, with their exact definitions, after. */
  DROP_AND_RECREATE
}
