package dev.dialtone.console;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One ticket's page: its fields and its comments in the order they were added. */
public record TicketView(
    Shell shell,
    long id,
    String subject,
    String status,
    @Nullable String priority,
    @Nullable String type,
    Person requester,
    @Nullable Person assignee,
    @Nullable Long brandId,
    @Nullable Long organizationId,
    List<String> tags,
    String via,
    String created,
    String updated,
    List<CommentItem> comments) {

  public TicketView {
    tags = List.copyOf(tags);
    comments = List.copyOf(comments);
  }

  /** A user the ticket names, and the page about them. */
  public record Person(String name, String url) {}

  /**
   * One comment: a text one shows {@code body} (line breaks kept), a TPE voice comment shows {@code
   * voice}.
   */
  public record CommentItem(
      long id,
      String author,
      boolean isPublic,
      String created,
      @Nullable String body,
      @Nullable VoiceCommentView voice) {}
}
