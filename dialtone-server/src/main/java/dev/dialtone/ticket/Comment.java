package dev.dialtone.ticket;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A stored ticket comment. A TPE voice comment ({@link CommentType#TPE_VOICE}) keeps its call and
 * the fields it displays, not their values: it is rendered from the call as the call is now.
 *
 * @param callFields the displayed call fields, by wire name; empty for other types
 * @param requestedAuthorId the {@code author_id} the client sent, echoed in {@code data}
 * @param data the stored {@code data} object of a {@link CommentType#VOICE} comment, as JSON
 */
public record Comment(
    long id,
    long accountId,
    long ticketId,
    long auditId,
    CommentType type,
    long authorId,
    boolean isPublic,
    @Nullable String body,
    @Nullable Long callId,
    @Nullable String title,
    List<String> callFields,
    @Nullable Long requestedAuthorId,
    @Nullable String data,
    Instant createdAt) {
  public Comment {
    callFields = List.copyOf(callFields);
  }
}
