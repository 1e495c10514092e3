package dev.dialtone.ticket;

import java.time.Instant;
import java.util.List;

/** A support ticket; calls create them and voice comments land on them. */
public record Ticket(
    long id,
    long accountId,
    String subject,
    String description,
    TicketStatus status,
    String priority,
    String type,
    long requesterId,
    long submitterId,
    Long assigneeId,
    Long brandId,
    Long organizationId,
    String externalId,
    List<String> tags,
    Via via,
    int commentCount,
    Instant createdAt,
    Instant updatedAt) {
  /** Zendesk's limit of comments on one ticket. */
  public static final int MAX_COMMENTS = 5_000;

  /** The values of {@code priority}, in Zendesk's order. */
  public static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");

  /** The values of {@code type}, in Zendesk's order. */
  public static final List<String> TYPES = List.of("problem", "incident", "question", "task");

  public Ticket {
    tags = List.copyOf(tags);
  }
}
