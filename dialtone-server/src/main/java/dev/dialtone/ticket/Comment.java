package dev.dialtone.ticket;

import dev.dialtone.http.Html;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
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
  /** A blank line, whatever its line breaks: where one paragraph ends and the next begins. */
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R\\s*\\R");

  public Comment {
    callFields = List.copyOf(callFields);
  }

  /**
   * The HTML Zendesk makes of a plain-text body: one paragraph per blank-line-separated block, a
   * line break after each {@code </p>}, as Zendesk writes them. The comment and the audit's comment
   * event both show it.
   */
  public static String htmlBody(String body) {
    StringBuilder html = new StringBuilder("<div class=\"zd-comment\" dir=\"auto\">");
    for (String paragraph : PARAGRAPH_BREAK.split(body.strip(), -1)) {
      html.append("<p dir=\"auto\">").append(Html.escape(paragraph.strip())).append("</p>\n");
    }
    return html.append("</div>").toString();
  }
}
