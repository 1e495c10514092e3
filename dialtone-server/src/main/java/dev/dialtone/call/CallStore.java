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
import org.jspecify.annotations.Nullable;

/** SQL for calls; one column per catalogue field, named as on the wire. */
public final class CallStore {
  private static final String COLUMNS =
      Arrays.stream(CallField.values()).map(CallField::wireName).collect(Collectors.joining(", "));

  /** Every column but the id, which the database assigns. */
  private static final List<CallField> INSERTED =
      Arrays.stream(CallField.values()).filter(field -> field != CallField.ID).toList();

  private static final String INSERT =
      "INSERT INTO calls ("
          + INSERTED.stream().map(CallField::wireName).collect(Collectors.joining(", "))
          + ") VALUES ("
          + INSERTED.stream().map(field -> "?").collect(Collectors.joining(", "))
          + ") RETURNING "
          + COLUMNS;

  /** The characters people write phone numbers with, which a digits-only comparison drops. */
  private static final List<String> PHONE_PUNCTUATION =
      List.of(" ", "-", "(", ")", ".", "/", "+", "\t");

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

  /**
   * What a list of calls asks for; every part that is not null must match.
   *
   * @param direction a {@link CallField#DIRECTION} value
   * @param completionStatus a {@link CallField#COMPLETION_STATUS} value
   * @param startedFrom calls started at or after this instant
   * @param startedBefore calls started before this instant
   * @param lineDigits digits that the from or the to line, compared digits only, must end with
   * @param beforeId only calls older than this one (the next page), or null for the newest
   */
  public record Filter(
      @Nullable String direction,
      @Nullable String completionStatus,
      @Nullable Long agentId,
      @Nullable Long endUserId,
      @Nullable Instant startedFrom,
      @Nullable Instant startedBefore,
      @Nullable String lineDigits,
      @Nullable Long beforeId) {
    public static Filter endUser(long endUserId) {
      return new Filter(null, null, null, endUserId, null, null, null, null);
    }
  }

  /** The account's calls matching the filter, newest first, at most {@code limit}. */
  public List<Call> newest(Tx tx, long accountId, Filter filter, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM calls WHERE account_id = ?");
    List<Object> args = new ArrayList<>(List.of(accountId));
    if (filter.direction() != null) {
      sql.append(" AND direction = ?");
      args.add(filter.direction());
    }
    if (filter.completionStatus() != null) {
      sql.append(" AND completion_status = ?");
      args.add(filter.completionStatus());
    }
    if (filter.agentId() != null) {
      sql.append(" AND agent_id = ?");
      args.add(filter.agentId());
    }
    if (filter.endUserId() != null) {
      sql.append(" AND end_user_id = ?");
      args.add(filter.endUserId());
    }
    if (filter.startedFrom() != null) {
      sql.append(" AND call_started_at >= ?");
      args.add(filter.startedFrom());
    }
    if (filter.startedBefore() != null) {
      sql.append(" AND call_started_at < ?");
      args.add(filter.startedBefore());
    }
    if (filter.lineDigits() != null) {
      // Lines are stored as the client wrote them: compare them with their punctuation removed.
      sql.append(" AND (")
          .append(digitsOf("from_line"))
          .append(" LIKE ? OR ")
          .append(digitsOf("to_line"))
          .append(" LIKE ?)");
      String pattern = "%" + digitsOnly(filter.lineDigits()); // digits only: nothing to escape
      args.add(pattern);
      args.add(pattern);
    }
    if (filter.beforeId() != null) {
      sql.append(" AND id < ?");
      args.add(filter.beforeId());
    }
    sql.append(" ORDER BY id DESC LIMIT ?");
    args.add(limit);
    return tx.list(sql.toString(), CallStore::map, args.toArray());
  }

  /** SQL for {@code column} without the punctuation of a phone number, in both dialects. */
  private static String digitsOf(String column) {
    String expression = column;
    for (String punctuation : PHONE_PUNCTUATION) {
      expression = "replace(" + expression + ", '" + punctuation + "', '')";
    }
    return expression;
  }

  private static String digitsOnly(String digits) {
    if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("not digits only: " + digits);
    }
    return digits;
  }

  /**
   * Inserts a call with the given client fields; the server sets the rest. One statement for every
   * call, whatever fields it has (the others bind null), so that it is prepared once; it answers
   * the stored row, so nothing is read back.
   */
  public Call insert(Tx tx, long accountId, Map<CallField, Object> fields, Instant now) {
    Object[] args = new Object[INSERTED.size()];
    for (int i = 0; i < args.length; i++) {
      CallField field = INSERTED.get(i);
      args[i] =
          switch (field) {
            case ACCOUNT_ID -> accountId;
            case CREATED_AT, UPDATED_AT -> now;
            default -> fields.get(field);
          };
    }
    return tx.first(INSERT, CallStore::map, args).orElseThrow();
  }

  /**
   * Sets the named fields and nothing else, in one statement: two PATCHes of different fields both
   * land. Answers the row as stored.
   */
  public Call update(Tx tx, long accountId, long id, Map<CallField, Object> changes, Instant now) {
    StringBuilder sql = new StringBuilder("UPDATE calls SET ");
    List<Object> args = new ArrayList<>(changes.size() + 3);
    changes.forEach(
        (field, value) -> {
          sql.append(field.wireName()).append(" = ?, ");
          args.add(value);
        });
    sql.append("updated_at = ? WHERE account_id = ? AND id = ? RETURNING ").append(COLUMNS);
    args.addAll(List.of(now, accountId, id));
    return tx.first(sql.toString(), CallStore::map, args.toArray()).orElseThrow();
  }

  /** Reads a row of {@link #COLUMNS}: the catalogue's fields, in its order. */
  private static Call map(Row row) {
    Map<CallField, Object> values = new EnumMap<>(CallField.class);
    CallField[] fields = CallField.values();
    for (int i = 0; i < fields.length; i++) {
      CallField field = fields[i];
      int column = i + 1;
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
