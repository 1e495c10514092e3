package dev.dialtone.ticket;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.dialtone.http.Json;
import dev.dialtone.store.Row;
import dev.dialtone.store.Tx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** SQL for ticket comments. */
public final class CommentStore {
  private static final String COLUMNS =
      "id, account_id, ticket_id, audit_id, type, author_id, public, body, call_id, title,"
          + " call_fields, requested_author_id, data, created_at";

  /** Stores a comment; the id given is ignored and the stored comment returned. */
  public Comment insert(Tx tx, Comment comment) {
    long id =
        tx.insert(
            "INSERT INTO ticket_comments (account_id, ticket_id, audit_id, type, author_id, public,"
                + " body, call_id, title, call_fields, requested_author_id, data, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            comment.accountId(),
            comment.ticketId(),
            comment.auditId(),
            comment.type().wireName(),
            comment.authorId(),
            comment.isPublic(),
            comment.body(),
            comment.callId(),
            comment.title(),
            new String(Json.write(comment.callFields()), StandardCharsets.UTF_8),
            comment.requestedAuthorId(),
            comment.data(),
            comment.createdAt());
    return new Comment(
        id,
        comment.accountId(),
        comment.ticketId(),
        comment.auditId(),
        comment.type(),
        comment.authorId(),
        comment.isPublic(),
        comment.body(),
        comment.callId(),
        comment.title(),
        comment.callFields(),
        comment.requestedAuthorId(),
        comment.data(),
        comment.createdAt());
  }

  /** One comment of a ticket of the account, if it is one. */
  public Optional<Comment> find(Tx tx, long accountId, long ticketId, long commentId) {
    return tx.first(
        "SELECT "
            + COLUMNS
            + " FROM ticket_comments WHERE account_id = ? AND ticket_id = ? AND id = ?",
        CommentStore::map,
        accountId,
        ticketId,
        commentId);
  }

  /** Comments of a ticket in id order after the given id (0 for the first page). */
  public List<Comment> listAfter(Tx tx, long accountId, long ticketId, long afterId, int limit) {
    return tx.list(
        "SELECT "
            + COLUMNS
            + " FROM ticket_comments WHERE account_id = ? AND ticket_id = ?"
            + " AND id > ? ORDER BY id LIMIT ?",
        CommentStore::map,
        accountId,
        ticketId,
        afterId,
        limit);
  }

  /** Comments of a ticket in reverse id order before the given id. */
  public List<Comment> listBefore(Tx tx, long accountId, long ticketId, long beforeId, int limit) {
    return tx.list(
        "SELECT "
            + COLUMNS
            + " FROM ticket_comments WHERE account_id = ? AND ticket_id = ?"
            + " AND id < ? ORDER BY id DESC LIMIT ?",
        CommentStore::map,
        accountId,
        ticketId,
        beforeId,
        limit);
  }

  public List<Comment> page(Tx tx, long accountId, long ticketId, int offset, int limit) {
    return tx.list(
        "SELECT "
            + COLUMNS
            + " FROM ticket_comments WHERE account_id = ? AND ticket_id = ?"
            + " ORDER BY id LIMIT ? OFFSET ?",
        CommentStore::map,
        accountId,
        ticketId,
        limit,
        offset);
  }

  private static Comment map(Row row) {
    String fields = row.string("call_fields");
    return new Comment(
        row.getLong("id"),
        row.getLong("account_id"),
        row.getLong("ticket_id"),
        row.getLong("audit_id"),
        CommentType.byWireName(row.string("type")).orElseThrow(),
        row.getLong("author_id"),
        Boolean.TRUE.equals(row.bool("public")),
        row.string("body"),
        row.longOrNull("call_id"),
        row.string("title"),
        fields == null ? List.of() : readList(fields),
        row.longOrNull("requested_author_id"),
        row.string("data"),
        row.instant("created_at"));
  }

  private static List<String> readList(String json) {
    try {
      return Json.mapper().readValue(json, new TypeReference<List<String>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
