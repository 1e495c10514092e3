package dev.dialtone.ticket;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A support ticket; calls create them and voice comments land on them. */
public record Ticket(
    long id,
    long accountId,
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
