package dev.converge.application.port.out;

import dev.converge.domain.schema.SourceSchema;

/** Reads the source database's tables, columns and keys from information_schema. */
public interface ReadSourceSchemaPort {

  SourceSchema readSourceSchema();
}
