package dev.converge.domain.plan;

import dev.converge.domain.conversion.ValueDisplay;
import dev.converge.domain.conversion.ValuePolicies;
import dev.converge.domain.conversion.ValueRejectedException;
import dev.converge.domain.conversion.type.ColumnCodec;
import dev.converge.domain.conversion.type.TargetType;
import dev.converge.domain.manifest.KeyHashSet;
import dev.converge.domain.schema.FoldedUniqueKey;
import dev.converge.domain.schema.TargetColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The plan's verdict on the rows of one table: every value goes through exactly the codec export
 * uses ({@link TargetType#codec} with the column's policies), then through what export cannot see
 * value by value: NOT NULL after conversion, and the target's primary and unique keys (held as
 * 64-bit hashes in a {@link KeyHashSet}, about 16 bytes a row and key; uuid and citext columns and
 * {@code lower(…)} keys compared ignoring case, as PostgreSQL will). Not thread-safe: one scan per
 * table and thread.
 */
public final class TableScan {

  /** The rule of a NULL in a NOT NULL column. */
  public static final String NOT_NULL_RULE = "NULL in a NOT NULL column";
  /** How the rule of a key the target already holds begins. */
  public static final String EXISTING_ROW_RULE = "collides with a row the target already holds under its unique key";
  /** How the rule of a repeated key begins. */
  public static final String REPEATED_KEY_RULE = "repeats an earlier row's value under the target's unique key";
  /** The rule of a value a merged source row holds where the target's row under the same primary key differs. */
  public static final String MERGED_RULE = RowDecisions.MERGED + ": the target already holds this primary key with"
      + " another value here (--existing-rows merge-by-primary-key): the target's row stays, the source's is not loaded";

  /** Reads one row the target keeps, by its primary key: a merged source row's differing values. */
  @FunctionalInterface
  public interface KeptRows {
    /**
     * PostgreSQL's text of the planned columns, in column order, of the target's row under the
     * primary key whose columns hold {@code keyTexts} (the text COPY would load, in key order) and
     * whose canonical values are {@code keyCanonicals}; null when the target holds no such row.
     */
    String[] row(List<String> keyTexts, List<String> keyCanonicals);
  }

  /** One alternative to a column's policies, named as the operator would write it. */
  private record Alternative(String setting, ValuePolicies policies) {}

  private final TablePlan table;
  private final int width;
  private final ColumnCodec[] codecs;
  private final boolean enforceNotNull;
  private final String[] text;
  private final String[] canonical;
  private final boolean[] rejected;
  private final int[] primaryKey;
  private final List<String> primaryKeyNames;
  private final List<UniqueKey> keys = new ArrayList<>();
  private final List<List<Alternative>> alternatives = new ArrayList<>();
  private final ColumnCodec[][] alternativeCodecs;
  private final String[] defaults;
  private final ColumnCodec[] nullMapping;
  private final List<ValueChange> changes = new ArrayList<>();
  /** Per column with a policy that is not strict: the strict codec, which tells whether the policy changed a value. */
  private final ColumnCodec[] strictCodecs;
  /** Per such column, each of its non-strict policies alone: which one changed a value (made when first needed). */
  private final ColumnCodec[][] singlePolicyCodecs;
  /** Per column with a map: its lookup's SQL; else null. */
  private final String[] lookups;
  private final ValueLookup lookup;
  /** The row last checked as it is loaded, in the source's form: mapped values and defaults in place. */
  private final Object[] loaded;
  /**
   * Under merge-by-primary-key, per primary key the target keeps: the 64-bit hash of its row's
   * canonical content (about 16 bytes a row), so only a source row that differs is read back; else null.
   */
  private KeyHashSet keptContent;
  private KeptRows keptRows;
  private TargetType[] types;
  private final List<ValueChange> merged = new ArrayList<>();

  /**
   * @param uniqueKeys the target's primary and unique keys in source column names; the folded
   *     columns compare ignoring case
   */
  public TableScan(TablePlan table, List<FoldedUniqueKey> uniqueKeys) {
    this(table, uniqueKeys, true, RowDecisions.NONE, ValueLookup.NONE);
  }

  /**
   * @param decisions the operator's defaults are applied here (a NULL in a column with a default is
   *     converted as the default, and recorded in {@link #changes}); quarantine is the caller's
   */
  public TableScan(TablePlan table, List<FoldedUniqueKey> uniqueKeys, RowDecisions decisions) {
    this(table, uniqueKeys, true, decisions, ValueLookup.NONE);
  }

  /**
   * @param lookup answers the decisions' map lookups (a value the lookup maps is converted as the
   *     lookup's answer, and recorded in {@link #changes}; a value it finds no single row for is a dirty row)
   */
  public TableScan(TablePlan table, List<FoldedUniqueKey> uniqueKeys, RowDecisions decisions, ValueLookup lookup) {
    this(table, uniqueKeys, true, decisions, lookup);
  }

  private TableScan(TablePlan table, List<FoldedUniqueKey> uniqueKeys, boolean enforceNotNull, RowDecisions decisions,
      ValueLookup lookup) {
    this.table = Objects.requireNonNull(table, "table");
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    this.enforceNotNull = enforceNotNull;
    List<ColumnPlan> columns = table.columns();
    width = columns.size();
    codecs = new ColumnCodec[width];
    text = new String[width];
    canonical = new String[width];
    rejected = new boolean[width];
    alternativeCodecs = new ColumnCodec[width][];
    defaults = new String[width];
    nullMapping = new ColumnCodec[width];
    strictCodecs = new ColumnCodec[width];
    singlePolicyCodecs = new ColumnCodec[width][];
    lookups = new String[width];
    loaded = new Object[width];
    for (int i = 0; i < width; i++) {
      ColumnPlan column = columns.get(i);
      lookups[i] = decisions.lookupFor(table.sourceTable(), column.source().name()).orElse(null);
      defaults[i] = decisions.defaultFor(table.sourceTable(), column.source().name()).orElse(null);
      if (defaults[i] != null) {
        // The column's codec as if the target took NULL: a value its policies map to NULL (zero-dates,
        // invalid-uuids: null), which a NOT NULL column refuses, gets the default as a NULL does.
        TargetColumn t = column.target();
        nullMapping[i] = TargetType.of(new TargetColumn(t.name(), t.position(), t.typeName(), t.formattedType(), t.length(),
            t.precision(), t.scale(), true, t.hasDefault(), t.identity(), t.sequence(), t.array(), t.enumLabels(),
            t.generated())).codec(column.conversion(), column.policies());
      }
      codecs[i] = TargetType.of(column.target()).codec(column.conversion(), column.policies());
      if (!column.policies().equals(ValuePolicies.STRICT)) {
        strictCodecs[i] = TargetType.of(column.target()).codec(column.conversion(), ValuePolicies.STRICT);
      }
      alternatives.add(alternatives(column.policies()));
    }
    primaryKey = columns.stream().filter(column -> table.primaryKey().contains(column.target().name()))
        .mapToInt(columns::indexOf).toArray();
    primaryKeyNames = Arrays.stream(primaryKey).mapToObj(i -> columns.get(i).source().name()).toList();
    for (FoldedUniqueKey key : uniqueKeys) {
      int[] parts = new int[key.columns().size()];
      boolean[] folded = new boolean[parts.length];
      for (int p = 0; p < parts.length; p++) {
        String name = key.columns().get(p);
        parts[p] = indexOf(columns, name);
        folded[p] = key.foldedColumns().contains(name);
      }
      keys.add(new UniqueKey(key, parts, folded, new KeyHashSet(),
          new java.util.HashSet<>(key.columns()).equals(new java.util.HashSet<>(primaryKeyNames))));
    }
  }

  /**
   * The scan export runs on every row it writes: the codecs, NOT NULL, and the target's primary and
   * unique keys the plan lists for the table (in its duplicate checks).
   */
  public static TableScan forExport(MigrationPlan plan, TablePlan table) {
    return forExport(plan, table, ValueLookup.NONE);
  }

  /** {@link #forExport(MigrationPlan, TablePlan)} with the source lookups the plan's maps need. */
  public static TableScan forExport(MigrationPlan plan, TablePlan table, ValueLookup lookup) {
    return new TableScan(table, targetKeys(plan, table), plan.decisions(), lookup);
  }

  /**
   * Only the codecs, as verify converts the source's rows again: a NULL or a repeated key there is a
   * difference verify reports, not a reason to stop reading.
   */
  public static TableScan conversionOnly(TablePlan table, RowDecisions decisions) {
    return conversionOnly(table, decisions, ValueLookup.NONE);
  }

  /** {@link #conversionOnly(TablePlan, RowDecisions)} with the source lookups the decisions' maps need. */
  public static TableScan conversionOnly(TablePlan table, RowDecisions decisions, ValueLookup lookup) {
    return new TableScan(table, List.of(), false, decisions, lookup);
  }

  /** Why the column's codec refuses {@code value} (source text form), or empty when it takes it. */
  public static java.util.Optional<String> refusal(ColumnPlan column, String value) {
    try {
      TargetType.of(column.target()).codec(column.conversion(), column.policies()).convert(value);
      return java.util.Optional.empty();
    } catch (ValueRejectedException e) {
      return java.util.Optional.of(e.rule());
    }
  }

  /** The target's primary and unique keys of one planned table, in source column names, as the plan lists them. */
  public static List<FoldedUniqueKey> targetKeys(MigrationPlan plan, TablePlan table) {
    return plan.checks().stream()
        .filter(check -> check.table().equals(table.sourceTable()))
        .filter(check -> check.kind() == PreflightCheck.Kind.DUPLICATE_KEY || check.kind() == PreflightCheck.Kind.CASE_DUPLICATE)
        .map(PreflightCheck::uniqueKey).toList();
  }

  private static int indexOf(List<ColumnPlan> columns, String sourceName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).source().name().equals(sourceName)) {
        return i;
      }
    }
    throw new IllegalArgumentException("key column " + sourceName + " is not copied");
  }

  /**
   * The dirty rows of one source row: one per rejected value or NULL in a NOT NULL column, and one
   * per target key it repeats. Values as the source adapter streams them, in the plan's column order.
   *
   * @param position the row's position in the stream, from 1 (names rows of a table without a primary key)
   */
  public List<DirtyRow> check(Object[] row, long position) {
    List<DirtyRow> dirty = null;
    changes.clear();
    merged.clear();
    for (int i = 0; i < width; i++) {
      ColumnPlan column = table.columns().get(i);
      String rule;
      Object value = row[i];
      loaded[i] = value;
      try {
        if (lookups[i] != null && value != null) {
          loaded[i] = null; // until the map answers: a value it cannot map references nothing
          value = mapped(i, row, position);
          loaded[i] = value;
        }
        ColumnCodec codec = defaults[i] == null ? codecs[i] : nullMapping[i];
        ColumnCodec.Converted converted;
        String strictRule = null;
        if (strictCodecs[i] == null) {
          converted = codec.convert(value);
        } else {
          // A policy acts only on a value strict conversion refuses (the property test proves both agree
          // on every other): strict first, so a clean value is converted once and a changed one is known.
          try {
            converted = strictCodecs[i].convert(value);
          } catch (ValueRejectedException refused) {
            strictRule = refused.rule();
            converted = codec.convert(value);
          }
        }
        if (converted.text() == null && defaults[i] != null) {
          // A NULL in the source, or one a policy wrote (invalid-uuids, zero-dates: null): the decided default.
          converted = codecs[i].convert(defaults[i]);
          loaded[i] = defaults[i];
          changes.add(new ValueChange(table.sourceTable(), rowKey(row, position), column.source().name(),
              ValueDisplay.of(row[i]), ValueDisplay.of(defaults[i]), RowDecisions.DEFAULT));
        } else if (strictRule != null) {
          recordPolicyChange(i, value, row, position, converted, strictRule);
        }
        text[i] = converted.text();
        canonical[i] = converted.canonical();
        rejected[i] = false;
        if (converted.text() != null || column.target().nullable() || !enforceNotNull) {
          continue;
        }
        rule = NOT_NULL_RULE;
      } catch (ValueRejectedException e) {
        rule = e.rule();
        text[i] = null; // never the previous row's value
        canonical[i] = null;
      }
      rejected[i] = true;
      dirty = dirty == null ? new ArrayList<>() : dirty;
      // A value its map cannot map is the map's problem: no policy fixes the lookup.
      dirty.add(new DirtyRow(table.sourceTable(), rowKey(row, position), column.source().name(), rule,
          ValueDisplay.of(row[i]), rule.startsWith(RowDecisions.UNMAPPED_RULE) ? null : fix(i, value)));
    }
    if (keptContent != null && dirty == null) {
      dirty = merged(row, position);
    }
    for (UniqueKey key : keys) {
      DirtyRow repeated = key.repeated(row, position);
      if (repeated != null) {
        dirty = dirty == null ? new ArrayList<>() : dirty;
        dirty.add(repeated);
      }
    }
    return dirty == null ? List.of() : dirty;
  }

  /**
   * One row the target table already holds (kept by {@code --existing-rows keep} or
   * {@code merge-by-primary-key}), as the canonical forms of PostgreSQL's text of the planned
   * columns, in column order: a source row repeating its value under a unique key is then a dirty
   * row. Under merge-by-primary-key the primary key is not compared: matching it is the merge.
   */
  public void existingRow(String[] canonicalValues, boolean mergeByPrimaryKey) {
    merge = mergeByPrimaryKey;
    long owner = primaryKeyHash(canonicalValues);
    if (mergeByPrimaryKey && primaryKey.length > 0) {
      if (keptContent == null) {
        keptContent = new KeyHashSet();
      }
      keptContent.add(primaryKeyValues(canonicalValues), contentHash(canonicalValues));
    }
    for (UniqueKey key : keys) {
      if (!(mergeByPrimaryKey && key.primary)) {
        key.holdExisting(canonicalValues, owner);
      }
    }
  }

  private boolean merge;

  /**
   * Under merge-by-primary-key, how to read a kept row back by its key: a source row whose primary
   * key the target keeps with other content is then a dirty row per differing value (rule
   * {@link #MERGED_RULE}; decided by the merge, not a blocker), its values in {@link #merged}.
   * Without it a merged row's content is not compared.
   */
  public void keptRows(KeptRows reader) {
    keptRows = Objects.requireNonNull(reader, "reader");
  }

  /** The values the row last checked holds where the target keeps another row under its primary key (the list is reused). */
  public List<ValueChange> merged() {
    return merged;
  }

  /**
   * The row last checked as it is loaded, in the source's form (the array is reused): a mapped
   * column's lookup answer and a default in place of the source's value (a value its map cannot map
   * is null): what the row references under the target's foreign keys.
   */
  public Object[] loaded() {
    return loaded;
  }

  /** The 64-bit hash of a row's whole canonical content, never {@link KeyHashSet#ABSENT}. */
  private static long contentHash(String[] canonicalValues) {
    long hash = KeyHashSet.hashOf(Arrays.asList(canonicalValues));
    return hash == KeyHashSet.ABSENT ? hash + 1 : hash;
  }

  private List<String> primaryKeyValues(String[] values) {
    List<String> parts = new ArrayList<>(primaryKey.length);
    for (int i : primaryKey) {
      parts.add(values[i]);
    }
    return parts;
  }

  /**
   * The dirty rows of a source row whose primary key the target keeps with other content (one per
   * differing value, each recorded in {@link #merged}); null when the target keeps no such row or the
   * same content. Only such a row's key is looked up in the target.
   */
  private List<DirtyRow> merged(Object[] row, long position) {
    List<String> key = primaryKeyValues(canonical);
    if (key.contains(null)) {
      return null;
    }
    long kept = keptContent.lineOf(key);
    if (kept == KeyHashSet.ABSENT || kept == contentHash(canonical) || keptRows == null) {
      return null;
    }
    String[] target = keptRows.row(primaryKeyValues(text), key);
    if (target == null) {
      return null;
    }
    if (types == null) {
      types = table.columns().stream().map(column -> TargetType.of(column.target())).toArray(TargetType[]::new);
    }
    List<DirtyRow> dirty = null;
    String rowKey = rowKey(row, position);
    for (int i = 0; i < width; i++) {
      String keptValue = target[i] == null ? null : types[i].canonical(target[i]);
      if (Objects.equals(keptValue, canonical[i])) {
        continue;
      }
      String column = table.columns().get(i).source().name();
      ValueChange change = new ValueChange(table.sourceTable(), rowKey, column, ValueDisplay.of(row[i]),
          ValueDisplay.of(target[i]), MERGED_RULE);
      merged.add(change);
      dirty = dirty == null ? new ArrayList<>() : dirty;
      dirty.add(new DirtyRow(table.sourceTable(), rowKey, column, MERGED_RULE, change.before() + " (the target keeps "
          + change.after() + ")", null));
    }
    return dirty;
  }

  /** The 64-bit hash of a row's primary key, in canonical form: which existing row a key belongs to. */
  private long primaryKeyHash(String[] canonicalValues) {
    List<String> parts = new ArrayList<>(primaryKey.length);
    for (int i : primaryKey) {
      parts.add(canonicalValues[i]);
    }
    return KeyHashSet.hashOf(parts);
  }

  /**
   * Records the value of column {@code i}, which the strict codec refused with {@code strictRule}, as
   * changed by the column's policy: {@code policy: SETTING: the strict rule}, the setting being the
   * first of the column's policies that alone takes the value.
   */
  private void recordPolicyChange(int i, Object value, Object[] row, long position, ColumnCodec.Converted converted,
      String strictRule) {
    ColumnPlan column = table.columns().get(i);
    List<Alternative> single = singlePolicies(column.policies());
    if (singlePolicyCodecs[i] == null) {
      singlePolicyCodecs[i] = single.stream()
          .map(choice -> TargetType.of(column.target()).codec(column.conversion(), choice.policies()))
          .toArray(ColumnCodec[]::new);
    }
    String setting = single.stream().map(Alternative::setting).reduce((a, b) -> a + "," + b).orElse("?");
    for (int a = 0; a < single.size(); a++) {
      try {
        singlePolicyCodecs[i][a].convert(value);
        setting = single.get(a).setting();
        break;
      } catch (ValueRejectedException e) {
        // Not this policy alone.
      }
    }
    changes.add(new ValueChange(table.sourceTable(), rowKey(row, position), column.source().name(),
        ValueDisplay.of(value), ValueDisplay.of(converted.text()), ValueChange.POLICY + ": " + setting + ": " + strictRule));
  }

  /**
   * The value column {@code i}'s map gives the row's value: the lookup's one row, recorded as a change
   * when it differs; a lookup finding no row or several rejects the value with the unmapped rule.
   */
  private Object mapped(int i, Object[] row, long position) {
    List<Object> found = lookup.matches(lookups[i], row[i]);
    if (found.size() != 1) {
      throw new ValueRejectedException(RowDecisions.UNMAPPED_RULE + (found.isEmpty() ? "no row" : "several rows") + " for the value (" + lookups[i] + ")");
    }
    Object value = found.get(0);
    boolean same = value instanceof byte[] bytes && row[i] instanceof byte[] before ? Arrays.equals(bytes, before)
        : Objects.equals(value, row[i]);
    if (!same) {
      changes.add(new ValueChange(table.sourceTable(), rowKey(row, position), table.columns().get(i).source().name(),
          ValueDisplay.of(row[i]), ValueDisplay.of(value), RowDecisions.MAP + ": " + lookups[i]));
    }
    return value;
  }

  /** Each policy of {@code p} that is not strict, alone on top of strict, named as {@code --column-policy} writes it. */
  private static List<Alternative> singlePolicies(ValuePolicies p) {
    ValuePolicies s = ValuePolicies.STRICT;
    List<Alternative> single = new ArrayList<>();
    if (p.nulBytes() != s.nulBytes()) {
      single.add(new Alternative("nul-bytes=strip", new ValuePolicies(s.booleans(), s.zeroDates(), p.nulBytes(),
          s.overlong(), s.invalidUuids())));
    }
    if (p.invalidUuids() != s.invalidUuids()) {
      single.add(new Alternative("invalid-uuids=null", new ValuePolicies(s.booleans(), s.zeroDates(), s.nulBytes(),
          s.overlong(), p.invalidUuids())));
    }
    if (p.zeroDates() != s.zeroDates()) {
      single.add(new Alternative("zero-dates=null", new ValuePolicies(s.booleans(), p.zeroDates(), s.nulBytes(),
          s.overlong(), s.invalidUuids())));
    }
    if (p.booleans() != s.booleans()) {
      single.add(new Alternative("booleans=nonzero-is-true", new ValuePolicies(p.booleans(), s.zeroDates(),
          s.nulBytes(), s.overlong(), s.invalidUuids())));
    }
    if (p.overlong() != s.overlong()) {
      single.add(new Alternative("overlong=truncate", new ValuePolicies(s.booleans(), s.zeroDates(), s.nulBytes(),
          p.overlong(), s.invalidUuids())));
    }
    return single;
  }

  /** The values the operator's defaults, maps and value policies changed in the row last checked (the list is reused). */
  public List<ValueChange> changes() {
    return changes;
  }

  /** The CSV text of each value of the row last checked, in column order (the array is reused); valid where it had no dirty row. */
  public String[] texts() {
    return text;
  }

  /**
   * The hashes of every value this scan saw under one of the target keys it checks (folded where the
   * key folds case), for a child's foreign key to be looked up in; empty when it checks no such key.
   */
  public java.util.Optional<KeyHashSet> keysSeen(FoldedUniqueKey key) {
    return keys.stream().filter(unique -> unique.key.equals(key)).map(unique -> unique.seen).findFirst();
  }

  /**
   * For the plan's data scan, which hashes no content: from now on the canonical form is computed only
   * for the columns a target key reads and for {@code compared} (a foreign key's child columns); every
   * other value goes through the same checks and gets the same text ({@link TargetType#verdictCodec}),
   * its canonical form left as the text. Not for a table merged into kept rows, whose whole content
   * the merge compares.
   */
  public TableScan canonicalOnlyFor(java.util.Collection<String> compared) {
    if (merge || table.existingRowsHandling() == ExistingRows.MERGE_BY_PRIMARY_KEY) {
      return this;
    }
    boolean[] needed = new boolean[width];
    for (int i : primaryKey) {
      needed[i] = true;
    }
    for (UniqueKey key : keys) {
      for (int i : key.parts) {
        needed[i] = true;
      }
    }
    for (int i = 0; i < width; i++) {
      ColumnPlan column = table.columns().get(i);
      if (needed[i] || compared.contains(column.source().name())) {
        continue;
      }
      TargetType type = TargetType.of(column.target());
      codecs[i] = type.verdictCodec(column.conversion(), column.policies());
      if (strictCodecs[i] != null) {
        strictCodecs[i] = type.verdictCodec(column.conversion(), ValuePolicies.STRICT);
      }
    }
    return this;
  }

  /** The canonical form of each value of the row last checked, as the checksum hashes it (the array is reused). */
  public String[] canonicals() {
    return canonical;
  }

  /** The first policy that lets the value through to a value the target column accepts, as a setting; or null. */
  private String fix(int i, Object value) {
    List<Alternative> choices = alternatives.get(i);
    if (alternativeCodecs[i] == null) {
      ColumnPlan column = table.columns().get(i);
      alternativeCodecs[i] = choices.stream()
          .map(choice -> TargetType.of(column.target()).codec(column.conversion(), choice.policies()))
          .toArray(ColumnCodec[]::new);
    }
    ColumnPlan column = table.columns().get(i);
    for (int a = 0; a < choices.size(); a++) {
      try {
        if (alternativeCodecs[i][a].convert(value).text() != null || column.target().nullable()) {
          return "--column-policy " + table.sourceTable() + "." + column.source().name() + ":" + choices.get(a).setting();
        }
      } catch (ValueRejectedException e) {
        // This policy does not handle the value either.
      }
    }
    return null;
  }

  /** Each policy the column does not use yet, alone on top of the column's own. */
  private static List<Alternative> alternatives(ValuePolicies p) {
    List<Alternative> choices = new ArrayList<>();
    if (p.nulBytes() != ValuePolicies.NulBytePolicy.STRIP) {
      choices.add(new Alternative("nul-bytes=strip", new ValuePolicies(p.booleans(), p.zeroDates(),
          ValuePolicies.NulBytePolicy.STRIP, p.overlong(), p.invalidUuids())));
    }
    if (p.invalidUuids() != ValuePolicies.InvalidUuidPolicy.NULL) {
      choices.add(new Alternative("invalid-uuids=null", new ValuePolicies(p.booleans(), p.zeroDates(), p.nulBytes(),
          p.overlong(), ValuePolicies.InvalidUuidPolicy.NULL)));
    }
    if (p.zeroDates() != ValuePolicies.ZeroDatePolicy.NULL) {
      choices.add(new Alternative("zero-dates=null", new ValuePolicies(p.booleans(), ValuePolicies.ZeroDatePolicy.NULL,
          p.nulBytes(), p.overlong(), p.invalidUuids())));
    }
    if (p.booleans() != ValuePolicies.BooleanPolicy.NONZERO_IS_TRUE) {
      choices.add(new Alternative("booleans=nonzero-is-true", new ValuePolicies(ValuePolicies.BooleanPolicy.NONZERO_IS_TRUE,
          p.zeroDates(), p.nulBytes(), p.overlong(), p.invalidUuids())));
    }
    if (p.overlong() != ValuePolicies.OverlongPolicy.TRUNCATE) {
      choices.add(new Alternative("overlong=truncate", new ValuePolicies(p.booleans(), p.zeroDates(), p.nulBytes(),
          ValuePolicies.OverlongPolicy.TRUNCATE, p.invalidUuids())));
    }
    return choices;
  }

  /** {@code id='42'} or {@code a='1', b='2'}, as export names rows; without a primary key, the row's position. */
  public String rowKey(Object[] row, long position) {
    if (primaryKey.length == 0) {
      return "#" + position + " (no primary key)";
    }
    List<String> parts = new ArrayList<>(primaryKey.length);
    for (int i = 0; i < primaryKey.length; i++) {
      parts.add(primaryKeyNames.get(i) + "=" + ValueDisplay.of(row[primaryKey[i]]));
    }
    return String.join(", ", parts);
  }

  /** One target key: which columns, which of them fold case, and the hashes of the keys seen. */
  private final class UniqueKey {
    private final FoldedUniqueKey key;
    private final int[] parts;
    private final boolean[] folded;
    private final KeyHashSet seen;
    private final boolean primary;
    private KeyHashSet existing;

    UniqueKey(FoldedUniqueKey key, int[] parts, boolean[] folded, KeyHashSet seen, boolean primary) {
      this.key = key;
      this.parts = parts;
      this.folded = folded;
      this.seen = seen;
      this.primary = primary;
    }

    void holdExisting(String[] canonicalValues, long owner) {
      List<String> values = new ArrayList<>(parts.length);
      for (int p = 0; p < parts.length; p++) {
        String value = canonicalValues[parts[p]];
        if (value == null) {
          return; // NULLs never collide
        }
        values.add(folded[p] ? value.toLowerCase(Locale.ROOT) : value);
      }
      if (existing == null) {
        existing = new KeyHashSet();
      }
      existing.add(values, owner);
    }

    /** The dirty row when this row's key was seen before; a key with a NULL or rejected part is never compared. */
    DirtyRow repeated(Object[] row, long position) {
      List<String> values = new ArrayList<>(parts.length);
      for (int p = 0; p < parts.length; p++) {
        int i = parts[p];
        if (rejected[i] || canonical[i] == null) {
          return null; // PostgreSQL's unique keys let NULLs repeat; a rejected value is reported already
        }
        values.add(folded[p] ? canonical[i].toLowerCase(Locale.ROOT) : canonical[i]);
      }
      long earlier = seen.add(values, position);
      long owner = existing == null ? KeyHashSet.ABSENT : existing.lineOf(values);
      // Under merge-by-primary-key the row holding the key may be this very row (same primary key): the merge replaces it.
      if (earlier < 0 && owner != KeyHashSet.ABSENT && !(merge && primaryKey.length > 0 && owner == primaryKeyHash(canonical))) {
        String column = key.foldedColumns().isEmpty() ? key.columns().get(0) : key.foldedColumns().get(0);
        return new DirtyRow(table.sourceTable(), rowKey(row, position), column, EXISTING_ROW_RULE + " " + key.name()
            + " (" + String.join(", ", key.columns()) + "), kept by --existing-rows " + table.existingRowsHandling()
            .name().toLowerCase(Locale.ROOT).replace('_', '-'),
            String.join(", ", Arrays.stream(parts).mapToObj(i -> ValueDisplay.of(row[i])).toList()),
            "--existing-rows " + table.targetTable() + "=truncate");
      }
      if (earlier < 0) {
        return null;
      }
      boolean anyFolded = false;
      for (boolean f : folded) {
        anyFolded |= f;
      }
      List<String> shown = Arrays.stream(parts).mapToObj(i -> ValueDisplay.of(row[i])).toList();
      // Named by the column that folds case when one does (that is where the collision comes from).
      String column = key.foldedColumns().isEmpty() ? key.columns().get(0) : key.foldedColumns().get(0);
      return new DirtyRow(table.sourceTable(), rowKey(row, position), column,
          REPEATED_KEY_RULE + " " + key.name() + " (" + String.join(", ", key.columns())
              + ")" + (anyFolded ? ", compared ignoring case as the target does" : ""),
          String.join(", ", shown) + " (same key as row #" + earlier + " of the read, by 64-bit key hash)", null);
    }
  }
}
