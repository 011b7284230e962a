package dev.converge.application.port.out;

import dev.converge.domain.schema.TargetSchema;

/** Reads the target schema's tables, columns, types, keys and checks from pg_catalog. */
public interface ReadTargetSchemaPort {

  TargetSchema readTargetSchema();
}
