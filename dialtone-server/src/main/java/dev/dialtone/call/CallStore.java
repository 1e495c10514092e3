package dev.dialtone.call;

import dev.dialtone.api.Call;
import dev.dialtone.api.CallField;
import dev.dialtone.store.Row;
import dev.dialtone.store.Tx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** SQL for calls; one column per catalogue field, named as on the wire. */
public final class CallStore {
  private static final String COLUMNS =
      Arrays.stream(CallField.values()).map(CallField::wireName).collect(Collectors.joining(", "));

  public Optional<Call> find(Tx tx, long accountId, long id) {
    return select(tx, accountId, id, "");
  }

  /**
   * Finds the call and locks it until the transaction ends, so that two comments on a ticket-less
   * call, on any nodes, create one ticket between them.
   */
  public Optional<Call> findForUpdate(Tx tx, long accountId, long id) {
    return select(tx, accountId, id, tx.dialect().forUpdate());
  }

  private static Optional<Call> select(Tx tx, long accountId, long id, String lock) {
    return tx.first(
        "SELECT " + COLUMNS + " FROM calls WHERE account_id = ? AND id = ?" + lock,
        CallStore::map,
        accountId,
        id);
  }

  /** Inserts a call with the given client fields; the server sets the rest. */
  public Call insert(Tx tx, long accountId, Map<CallField, Object> fields, Instant now) {
    List<String> columns = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    fields.forEach(
        (field, value) -> {
          columns.add(field.wireName());
          args.add(value);
        });
    columns.addAll(List.of("account_id", "created_at", "updated_at"));
    args.addAll(List.of(accountId, now, now));
    String placeholders = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
    long id =
        tx.insert(
            "INSERT INTO calls ("
                + String.join(", ", columns)
                + ") VALUES ("
                + placeholders
                + ") RETURNING id",
            args.toArray());
    return find(tx, accountId, id).orElseThrow();
  }

  /**
   * Sets the named fields and nothing else, in one statement: two PATCHes of different fields both
   * land.
   */
  public Call update(Tx tx, long accountId, long id, Map<CallField, Object> changes, Instant now) {
    List<String> sets = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    changes.forEach(
        (field, value) -> {
          sets.add(field.wireName() + " = ?");
          args.add(value);
        });
    sets.add("updated_at = ?");
    args.addAll(List.of(now, accountId, id));
    tx.update(
        "UPDATE calls SET " + String.join(", ", sets) + " WHERE account_id = ? AND id = ?",
        args.toArray());
    return find(tx, accountId, id).orElseThrow();
  }

  private static Call map(Row row) {
    Map<CallField, Object> values = new EnumMap<>(CallField.class);
    for (CallField field : CallField.values()) {
      String column = field.wireName();
      values.put(
          field,
          switch (field.type()) {
            case ID, COUNT -> row.longOrNull(column);
            case BOOLEAN -> row.bool(column);
            case STRING, URL, ENUM -> row.string(column);
            case TIMESTAMP -> row.instant(column);
          });
    }
    return Call.of(values);
  }
}
