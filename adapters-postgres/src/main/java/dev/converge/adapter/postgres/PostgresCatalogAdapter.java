package dev.converge.adapter.postgres;

import dev.converge.application.port.out.ReadTargetSchemaPort;
import dev.converge.domain.failure.ConvergeException;
import dev.converge.domain.failure.ErrorCode;
import dev.converge.domain.schema.FoldedUniqueKey;
import dev.converge.domain.schema.ForeignKey;
import dev.converge.domain.schema.TargetColumn;
import dev.converge.domain.schema.TargetSchema;
import dev.converge.domain.schema.TargetTable;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Reads the ordinary and partitioned tables of one PostgreSQL schema from pg_catalog.
 *
 * <p>Five set-based queries cover the whole schema, in one read-only snapshot. What the model
 * leaves open is decided here as follows:
 * <ul>
 *   <li>Partitions are not tables of their own: a partitioned table is reported once, as its parent.
 *   <li>A domain is looked through: {@code typeName}, the length/precision/scale and the enum labels
 *       are its base type's (following domains over domains); {@code formattedType} keeps the
 *       domain's name. A domain's NOT NULL makes the column not nullable and a domain's DEFAULT
 *       counts as a default, because both apply to every row loaded into the column.
 *   <li>Unique keys are the unique constraints and also the unique indexes that are not
 *       constraints, when they are plain column lists without a WHERE clause: both refuse duplicates
 *       alike. Partial and expression unique indexes cannot be written as a column list and are left
 *       out. Keys are ordered by constraint (index) name; INCLUDE columns are not part of a key.
 *   <li>{@code position} counts the live columns from 1 in attnum order, so a dropped column leaves no gap.
 *   <li>{@code sequence} is {@code pg_get_serial_sequence}'s text, quoted where needed, ready for a
 *       {@code regclass} parameter.
 *   <li>A foreign key into another schema names its table {@code schema.table} (unquoted).
 *   <li>A foreign key carries {@code pg_get_constraintdef}'s text, so that the fingerprint covers its
 *       actions, MATCH and deferrability, not only its columns.
 * </ul>
 */
public final class PostgresCatalogAdapter implements ReadTargetSchemaPort {

  // Partitions (relispartition) would repeat their parent's columns; views, sequences, foreign and
  // TOAST tables hold no rows converge loads.
  private static final String SCHEMA_TABLES = """
      schema_table AS (
        SELECT c.oid, c.relname, n.nspname
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition)
      """;

  // Names are of type "name", which sorts in the "C" collation: the order is the same on every server.
  private static final String TABLES = "WITH " + SCHEMA_TABLES + """
      SELECT oid, relname FROM schema_table ORDER BY relname
      """;

  // Every type a column uses, plus the base types of domains and the element types of arrays,
  // so that a column's type resolves in memory however deep its domains go.
  private static final String TYPES = "WITH RECURSIVE " + SCHEMA_TABLES + """
      , reachable(oid) AS (
        SELECT a.atttypid
        FROM schema_table t
        JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid
        WHERE a.attnum > 0 AND NOT a.attisdropped
        UNION
        SELECT next.oid
        FROM reachable r
        JOIN pg_catalog.pg_type ty ON ty.oid = r.oid
        CROSS JOIN LATERAL (VALUES (ty.typbasetype), (ty.typelem)) AS next(oid)
        WHERE next.oid <> 0)
      SELECT ty.oid, ty.typname, ty.typtype, ty.typbasetype, ty.typtypmod, ty.typnotnull,
             ty.typdefaultbin IS NOT NULL AS has_default,
             CASE WHEN ty.typelem <> 0 AND ty.typlen = -1 THEN ty.typelem ELSE 0 END AS element,
             ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e
                   WHERE e.enumtypid = ty.oid ORDER BY e.enumsortorder) AS enum_labels
      FROM pg_catalog.pg_type ty
      WHERE ty.oid IN (SELECT oid FROM reachable)
      """;

  private static final String COLUMNS = "WITH " + SCHEMA_TABLES + """
      SELECT a.attrelid, a.attname, a.atttypid, a.atttypmod,
             pg_catalog.format_type(a.atttypid, a.atttypmod) AS formatted_type,
             a.attnotnull, a.atthasdef, a.attidentity IN ('a', 'd') AS identity, a.attgenerated = 's' AS generated,
             pg_catalog.pg_get_serial_sequence(
                 pg_catalog.quote_ident(t.nspname) || '.' || pg_catalog.quote_ident(t.relname),
                 a.attname) AS sequence
      FROM schema_table t
      JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid
      WHERE a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attrelid, a.attnum
      """;

  // Unique indexes with expressions: each key part as PostgreSQL prints it ("nid", "lower(value)").
  private static final String EXPRESSION_KEYS = "WITH " + SCHEMA_TABLES + """
      SELECT i.indrelid, ic.relname AS index_name,
             ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, true)
                   FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k) AS parts
      FROM schema_table t
      JOIN pg_catalog.pg_index i ON i.indrelid = t.oid
      JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
      WHERE i.indisunique AND i.indpred IS NULL AND i.indexprs IS NOT NULL
      ORDER BY i.indrelid, ic.relname
      """;

  /** {@code lower(value)}, {@code upper("nameID")}, {@code lower((email)::text)}. */
  private static final Pattern FOLDED_PART = Pattern.compile(
      "^(?:lower|upper)\\(\\(?(\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*)\\)?(?:::[a-z ]+)?\\)$");

  // Only the first indnkeyatts columns are the key; the rest are INCLUDE columns.
  private static final String KEYS = "WITH " + SCHEMA_TABLES + """
      SELECT i.indrelid, i.indisprimary,
             ARRAY(SELECT a.attname::text
                   FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                   WHERE k.ord <= i.indnkeyatts
                   ORDER BY k.ord) AS columns
      FROM schema_table t
      JOIN pg_catalog.pg_index i ON i.indrelid = t.oid
      JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
      WHERE (i.indisprimary OR i.indisunique) AND i.indpred IS NULL AND i.indexprs IS NULL
      ORDER BY i.indrelid, ic.relname
      """;

  // conparentid <> 0 marks the clones PostgreSQL adds for each partition a foreign key references.
  private static final String CONSTRAINTS = "WITH " + SCHEMA_TABLES + """
      SELECT con.conrelid, con.conname, con.contype,
             ARRAY(SELECT a.attname::text
                   FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                   ORDER BY k.ord) AS columns,
             ARRAY(SELECT a.attname::text
                   FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
                   ORDER BY k.ord) AS referenced_columns,
             rn.nspname AS referenced_schema, rc.relname AS referenced_table,
             pg_catalog.pg_get_constraintdef(con.oid) AS definition
      FROM schema_table t
      JOIN pg_catalog.pg_constraint con ON con.conrelid = t.oid
      LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
      LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
      WHERE con.contype IN ('f', 'c') AND con.conparentid = 0
      ORDER BY con.conrelid, con.conname
      """;

  private final DataSource target;
  private final String schema;

  public PostgresCatalogAdapter(DataSource target, String schema) {
    this.target = Objects.requireNonNull(target, "target");
    this.schema = Objects.requireNonNull(schema, "schema");
  }

  @Override
  public TargetSchema readTargetSchema() {
    try (Connection connection = target.getConnection()) {
      // One repeatable-read snapshot for all queries, so a migration running meanwhile cannot tear the picture.
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      TargetSchema read = read(connection);
      connection.rollback();
      return read;
    } catch (SQLException e) {
      throw new ConvergeException(ErrorCode.CONNECTION,
          "cannot read the catalog of the target schema \"" + schema + "\": " + e.getMessage()
              + " (SQLSTATE " + e.getSQLState() + ")", e);
    }
  }

  private TargetSchema read(Connection connection) throws SQLException {
    String serverVersion;
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SHOW server_version")) {
      row.next();
      serverVersion = row.getString(1);
    }

    Map<Long, String> tables = new LinkedHashMap<>();
    query(connection, TABLES, row -> tables.put(row.getLong("oid"), row.getString("relname")));

    Map<Long, CatalogType> types = new HashMap<>();
    query(connection, TYPES, row -> {
      CatalogType type = new CatalogType(row.getLong("oid"), row.getString("typname"),
          row.getString("typtype").charAt(0), row.getLong("typbasetype"), row.getInt("typtypmod"),
          row.getBoolean("typnotnull"), row.getBoolean("has_default"), row.getLong("element"),
          strings(row.getArray("enum_labels")));
      types.put(type.oid(), type);
    });

    Map<Long, List<TargetColumn>> columns = new HashMap<>();
    query(connection, COLUMNS, row -> {
      List<TargetColumn> tableColumns = columns.computeIfAbsent(row.getLong("attrelid"), oid -> new ArrayList<>());
      tableColumns.add(column(row, tableColumns.size() + 1, types));
    });

    Map<Long, List<String>> primaryKeys = new HashMap<>();
    Map<Long, List<List<String>>> uniqueKeys = new HashMap<>();
    query(connection, KEYS, row -> {
      long table = row.getLong("indrelid");
      List<String> key = strings(row.getArray("columns"));
      if (row.getBoolean("indisprimary")) {
        primaryKeys.put(table, key);
      } else {
        List<List<String>> keys = uniqueKeys.computeIfAbsent(table, oid -> new ArrayList<>());
        // A unique index repeating a constraint's columns adds no rule.
        if (!keys.contains(key)) {
          keys.add(key);
        }
      }
    });

    Map<Long, List<FoldedUniqueKey>> foldedKeys = new HashMap<>();
    query(connection, EXPRESSION_KEYS, row -> {
      long table = row.getLong("indrelid");
      foldedKey(row.getString("index_name"), strings(row.getArray("parts")))
          .ifPresent(key -> foldedKeys.computeIfAbsent(table, oid -> new ArrayList<>()).add(key));
    });

    Map<Long, List<ForeignKey>> foreignKeys = new HashMap<>();
    Map<Long, List<String>> checks = new HashMap<>();
    query(connection, CONSTRAINTS, row -> {
      long table = row.getLong("conrelid");
      if ("f".equals(row.getString("contype"))) {
        String referencedSchema = row.getString("referenced_schema");
        String referencedTable = schema.equals(referencedSchema)
            ? row.getString("referenced_table")
            : referencedSchema + "." + row.getString("referenced_table");
        foreignKeys.computeIfAbsent(table, oid -> new ArrayList<>()).add(new ForeignKey(row.getString("conname"),
            strings(row.getArray("columns")), referencedTable, strings(row.getArray("referenced_columns")),
            row.getString("definition")));
      } else {
        checks.computeIfAbsent(table, oid -> new ArrayList<>()).add(row.getString("definition"));
      }
    });

    List<TargetTable> result = new ArrayList<>(tables.size());
    tables.forEach((oid, name) -> result.add(new TargetTable(name,
        columns.getOrDefault(oid, List.of()),
        primaryKeys.getOrDefault(oid, List.of()),
        uniqueKeys.getOrDefault(oid, List.of()),
        foreignKeys.getOrDefault(oid, List.of()),
        checks.getOrDefault(oid, List.of()),
        foldedKeys.getOrDefault(oid, List.of()))));
    return new TargetSchema(schema, serverVersion, result);
  }

  /**
   * A unique index whose parts are plain columns or case-folded columns; empty for any other
   * expression (converge cannot phrase a pre-flight check for it).
   */
  static Optional<FoldedUniqueKey> foldedKey(String name, List<String> parts) {
    List<String> columns = new ArrayList<>();
    List<String> folded = new ArrayList<>();
    for (String part : parts) {
      Matcher function = FOLDED_PART.matcher(part);
      if (function.matches()) {
        String column = identifier(function.group(1));
        columns.add(column);
        folded.add(column);
      } else if (part.matches("\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*")) {
        columns.add(identifier(part));
      } else {
        return Optional.empty();
      }
    }
    return folded.isEmpty() ? Optional.empty() : Optional.of(new FoldedUniqueKey(name, columns, folded));
  }

  private static String identifier(String printed) {
    return printed.startsWith("\"") ? printed.substring(1, printed.length() - 1).replace("\"\"", "\"") : printed;
  }

  private static TargetColumn column(ResultSet row, int position, Map<Long, CatalogType> types) throws SQLException {
    ColumnType type = ColumnType.resolve(types, row.getLong("atttypid"), row.getInt("atttypmod"));
    TypeModifier modifier = TypeModifier.decode(type.name(), type.typmod());
    boolean identity = row.getBoolean("identity");
    String sequence = row.getString("sequence");
    return new TargetColumn(
        row.getString("attname"),
        position,
        type.name(),
        row.getString("formatted_type"),
        modifier.length(),
        modifier.precision(),
        modifier.scale(),
        !(row.getBoolean("attnotnull") || type.notNull()),
        row.getBoolean("atthasdef") || identity || type.hasDefault(),
        // A serial column is an identity in all but name: the database numbers its rows.
        identity || sequence != null,
        sequence,
        type.array(),
        type.enumLabels(),
        row.getBoolean("generated"));
  }

  private void query(Connection connection, String sql, RowReader reader) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, schema);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          reader.read(rows);
        }
      }
    }
  }

  private static List<String> strings(Array array) throws SQLException {
    try {
      return List.of((String[]) array.getArray());
    } finally {
      array.free();
    }
  }

  @FunctionalInterface
  private interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  /** One pg_type row: enough to resolve a column's type through domains and arrays. */
  record CatalogType(
      long oid,
      String name,
      char kind,
      long baseType,
      int typmod,
      boolean notNull,
      boolean hasDefault,
      long elementType,
      List<String> enumLabels) {

    CatalogType {
      Objects.requireNonNull(name, "name");
      enumLabels = List.copyOf(enumLabels);
    }

    boolean isDomain() {
      return kind == 'd';
    }
  }

  /** What a column's declared type comes down to once its domains and array are looked through. */
  record ColumnType(String name, int typmod, boolean array, boolean notNull, boolean hasDefault, List<String> enumLabels) {

    ColumnType {
      Objects.requireNonNull(name, "name");
      enumLabels = List.copyOf(enumLabels);
    }

    static ColumnType resolve(Map<Long, CatalogType> types, long typeOid, int typmod) {
      CatalogType type = find(types, typeOid);
      int modifier = typmod;
      boolean notNull = false;
      boolean hasDefault = false;
      while (type.isDomain()) {
        // A column of a domain type has no typmod of its own; the domain keeps its base type's.
        modifier = modifier == -1 ? type.typmod() : modifier;
        notNull |= type.notNull();
        hasDefault |= type.hasDefault();
        type = find(types, type.baseType());
      }
      boolean array = type.elementType() != 0;
      if (array) {
        type = find(types, type.elementType());
        // An element domain's NOT NULL and DEFAULT bind elements, not the column.
        while (type.isDomain()) {
          modifier = modifier == -1 ? type.typmod() : modifier;
          type = find(types, type.baseType());
        }
      }
      return new ColumnType(type.name(), modifier, array, notNull, hasDefault, type.enumLabels());
    }

    private static CatalogType find(Map<Long, CatalogType> types, long oid) {
      CatalogType type = types.get(oid);
      if (type == null) {
        throw new ConvergeException(ErrorCode.INTERNAL, "pg_type " + oid + " was not read with the catalog");
      }
      return type;
    }
  }

  /**
   * The declared length, precision and scale a type modifier (atttypmod) encodes, as PostgreSQL's
   * own typmodout functions decode it; nulls where nothing was declared.
   */
  record TypeModifier(Integer length, Integer precision, Integer scale) {

    private static final TypeModifier NONE = new TypeModifier(null, null, null);
    // varchar, bpchar and numeric count the varlena header into their typmod.
    private static final int VARHDRSZ = 4;
    private static final int INTERVAL_FULL_PRECISION = 0xFFFF;

    static TypeModifier decode(String typeName, int typmod) {
      if (typmod < 0) {
        return NONE;
      }
      return switch (typeName) {
        case "varchar", "bpchar" -> new TypeModifier(typmod - VARHDRSZ, null, null);
        case "bit", "varbit" -> new TypeModifier(typmod, null, null);
        // Since PostgreSQL 15 the scale is an 11-bit signed field: numeric(5,-2) rounds to hundreds.
        case "numeric" -> new TypeModifier(null,
            ((typmod - VARHDRSZ) >> 16) & 0xFFFF,
            (((typmod - VARHDRSZ) & 0x7FF) ^ 1024) - 1024);
        case "timestamp", "timestamptz", "time", "timetz" -> new TypeModifier(null, typmod, null);
        case "interval" -> (typmod & 0xFFFF) == INTERVAL_FULL_PRECISION
            ? NONE
            : new TypeModifier(null, typmod & 0xFFFF, null);
        default -> NONE;
      };
    }
  }
}
