package dev.dialtone.ticket;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.dialtone.http.Json;
import dev.dialtone.store.Row;
import dev.dialtone.store.Tx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** SQL for tickets and their audits. */
public final class TicketStore {
  private static final String COLUMNS =
      "id, account_id, subject, description, status, priority, type, requester_id, submitter_id,"
          + " assignee_id, brand_id, organization_id, external_id, tags, via_channel, via_id,"
          + " via_source, comment_count, created_at, updated_at";

  /** What a new ticket is made of; the first comment is added separately. */
  public record NewTicket(
      @Nullable String subject,
      String description,
      TicketStatus status,
      @Nullable String priority,
      @Nullable String type,
      long requesterId,
      long submitterId,
      @Nullable Long assigneeId,
      @Nullable Long brandId,
      @Nullable Long organizationId,
      @Nullable String externalId,
      List<String> tags,
      Via via) {}

  public Optional<Ticket> find(Tx tx, long accountId, long id) {
    return select(tx, accountId, id, "");
  }

  /** Finds the ticket and locks it until the transaction ends: for changes that check first. */
  public Optional<Ticket> findForUpdate(Tx tx, long accountId, long id) {
    return select(tx, accountId, id, tx.dialect().forUpdate());
  }

  private static Optional<Ticket> select(Tx tx, long accountId, long id, String lock) {
    return tx.first(
        "SELECT " + COLUMNS + " FROM tickets WHERE account_id = ? AND id = ?" + lock,
        TicketStore::map,
        accountId,
        id);
  }

  /** Inserts the ticket and answers it as stored, without reading it back. */
  public Ticket insert(Tx tx, long accountId, NewTicket ticket, Instant now) {
    return tx.first(
            """
            INSERT INTO tickets (account_id, subject, description, status, priority, type,
                                 requester_id, submitter_id, assignee_id, brand_id,
                                 organization_id, external_id, tags, via_channel, via_id,
                                 via_source, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING
            """
                + COLUMNS,
            TicketStore::map,
            accountId,
            ticket.subject(),
            ticket.description(),
            ticket.status().wireName(),
            ticket.priority(),
            ticket.type(),
            ticket.requesterId(),
            ticket.submitterId(),
            ticket.assigneeId(),
            ticket.brandId(),
            ticket.organizationId(),
            ticket.externalId(),
            new String(Json.write(ticket.tags()), java.nio.charset.StandardCharsets.UTF_8),
            ticket.via().channel(),
            ticket.via().viaId(),
            new String(Json.write(ticket.via()), java.nio.charset.StandardCharsets.UTF_8),
            now,
            now)
        .orElseThrow();
  }

  /** Tickets of the account in id order, after the given id (0 for the first page). */
  public List<Ticket> listAfter(Tx tx, long accountId, long afterId, int limit) {
    return tx.list(
        "SELECT " + COLUMNS + " FROM tickets WHERE account_id = ? AND id > ? ORDER BY id LIMIT ?",
        TicketStore::map,
        accountId,
        afterId,
        limit);
  }

  /** Tickets of the account in reverse id order, before the given id. */
  public List<Ticket> listBefore(Tx tx, long accountId, long beforeId, int limit) {
    return tx.list(
        "SELECT "
            + COLUMNS
            + " FROM tickets WHERE account_id = ? AND id < ? ORDER BY id DESC"
            + " LIMIT ?",
        TicketStore::map,
        accountId,
        beforeId,
        limit);
  }

  /**
   * What the console's ticket list asks for; each part that is not null must match.
   *
   * @param beforeId only tickets older than this one (the next page), or null for the newest
   */
  public record Filter(
      @Nullable TicketStatus status,
      @Nullable Long assigneeId,
      @Nullable Long requesterId,
      @Nullable Long beforeId) {}

  /** The account's tickets matching the filter, newest first, at most {@code limit}. */
  public List<Ticket> newest(Tx tx, long accountId, Filter filter, int limit) {
    StringBuilder sql =
        new StringBuilder("SELECT " + COLUMNS + " FROM tickets WHERE account_id = ?");
    List<Object> args = new ArrayList<>(List.of(accountId));
    if (filter.status() != null) {
      sql.append(" AND status = ?");
      args.add(filter.status().wireName());
    }
    if (filter.assigneeId() != null) {
      sql.append(" AND assignee_id = ?");
      args.add(filter.assigneeId());
    }
    if (filter.requesterId() != null) {
      sql.append(" AND requester_id = ?");
      args.add(filter.requesterId());
    }
    if (filter.beforeId() != null) {
      sql.append(" AND id < ?");
      args.add(filter.beforeId());
    }
    sql.append(" ORDER BY id DESC LIMIT ?");
    args.add(limit);
    return tx.list(sql.toString(), TicketStore::map, args.toArray());
  }

  public List<Ticket> page(Tx tx, long accountId, int offset, int limit) {
    return tx.list(
        "SELECT " + COLUMNS + " FROM tickets WHERE account_id = ? ORDER BY id LIMIT ? OFFSET ?",
        TicketStore::map,
        accountId,
        limit,
        offset);
  }

  /**
   * Deletes the ticket with its comments and audits; false when the account has no such ticket.
   * Calls and screen pops that named it stay, their data whole, with no ticket: a later voice
   * comment on such a call opens a new ticket instead of failing on a ticket that is gone.
   */
  public boolean delete(Tx tx, long accountId, long ticketId) {
    if (findForUpdate(tx, accountId, ticketId).isEmpty()) {
      return false;
    }
    tx.update(
        "UPDATE calls SET ticket_id = NULL WHERE account_id = ? AND ticket_id = ?",
        accountId,
        ticketId);
    tx.update(
        "UPDATE screen_pops SET ticket_id = NULL WHERE account_id = ? AND ticket_id = ?",
        accountId,
        ticketId);
    tx.update(
        "DELETE FROM ticket_comments WHERE account_id = ? AND ticket_id = ?", accountId, ticketId);
    tx.update(
        "DELETE FROM ticket_audits WHERE account_id = ? AND ticket_id = ?", accountId, ticketId);
    return tx.update("DELETE FROM tickets WHERE account_id = ? AND id = ?", accountId, ticketId)
        == 1;
  }

  public long count(Tx tx, long accountId) {
    return tx.count("SELECT count(*) AS n FROM tickets WHERE account_id = ?", accountId);
  }

  public void update(Tx tx, Ticket ticket, Instant now) {
    tx.update(
        "UPDATE tickets SET subject = ?, status = ?, priority = ?, type = ?, requester_id = ?,"
            + " assignee_id = ?, brand_id = ?, organization_id = ?, external_id = ?, tags = ?,"
            + " updated_at = ? WHERE account_id = ? AND id = ?",
        ticket.subject(),
        ticket.status().wireName(),
        ticket.priority(),
        ticket.type(),
        ticket.requesterId(),
        ticket.assigneeId(),
        ticket.brandId(),
        ticket.organizationId(),
        ticket.externalId(),
        new String(Json.write(ticket.tags()), java.nio.charset.StandardCharsets.UTF_8),
        now,
        ticket.accountId(),
        ticket.id());
  }

  /** Opens an audit: the record of one change to a ticket, which its comments point to. */
  public long insertAudit(Tx tx, long accountId, long ticketId, long authorId, Instant now) {
    return tx.insert(
        "INSERT INTO ticket_audits (account_id, ticket_id, author_id, created_at)"
            + " VALUES (?, ?, ?, ?) RETURNING id",
        accountId,
        ticketId,
        authorId,
        now);
  }

  /** Counts one more comment on the ticket and marks it updated. */
  public void commentAdded(Tx tx, long accountId, long ticketId, Instant now) {
    tx.update(
        "UPDATE tickets SET comment_count = comment_count + 1, updated_at = ?"
            + " WHERE account_id = ? AND id = ?",
        now,
        accountId,
        ticketId);
  }

  private static Ticket map(Row row) {
    return new Ticket(
        row.getLong("id"),
        row.getLong("account_id"),
        row.string("subject"),
        row.string("description"),
        TicketStatus.byWireName(row.string("status")).orElseThrow(),
        row.string("priority"),
        row.string("type"),
        row.getLong("requester_id"),
        row.getLong("submitter_id"),
        row.longOrNull("assignee_id"),
        row.longOrNull("brand_id"),
        row.longOrNull("organization_id"),
        row.string("external_id"),
        readJson(row.string("tags"), new TypeReference<List<String>>() {}),
        readJson(row.string("via_source"), new TypeReference<Via>() {}),
        (int) row.getLong("comment_count"),
        row.instant("created_at"),
        row.instant("updated_at"));
  }

  private static <T> T readJson(String json, TypeReference<T> type) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
