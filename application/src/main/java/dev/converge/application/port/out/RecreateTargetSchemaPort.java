package dev.converge.application.port.out;

/** Drops the target schema with everything in it and creates it again, empty, with its owner and grants. */
public interface RecreateTargetSchemaPort {

  /** {@code DROP SCHEMA … CASCADE; CREATE SCHEMA …}, in one transaction. */
  void recreateSchema();
}
