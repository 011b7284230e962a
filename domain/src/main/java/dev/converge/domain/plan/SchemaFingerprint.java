package dev.converge.domain.plan;

import dev.converge.domain.schema.SourceColumn;
import dev.converge.domain.schema.SourceSchema;
import dev.converge.domain.schema.SourceTable;
import dev.converge.domain.schema.TargetSchema;
import dev.converge.domain.schema.TargetTable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over everything in a schema that the plan depends on. Later phases recompute it and
 * refuse to run when it changed. Row estimates are left out: they move with every write.
 */
public final class SchemaFingerprint {

  private SchemaFingerprint() {}

  public static String of(SourceSchema schema) {
    StringBuilder text = new StringBuilder("source:").append(schema.database()).append('\n');
    for (SourceTable table : schema.tables()) {
      text.append("table ").append(table.name()).append(" pk=").append(table.primaryKey())
          .append(" uk=").append(table.uniqueKeys()).append(" fk=").append(table.foreignKeys()).append('\n');
      for (SourceColumn column : table.columns()) {
        // The record's own text form names every field, so a new field changes the fingerprint.
        text.append("  ").append(column).append('\n');
      }
    }
    return sha256(text.toString());
  }

  public static String of(TargetSchema schema) {
    StringBuilder text = new StringBuilder("target:").append(schema.schema()).append('\n');
    for (TargetTable table : schema.tables()) {
      text.append(table).append('\n');
    }
    return sha256(text.toString());
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
