package dev.dialtone.call;

import dev.dialtone.api.Call;
import dev.dialtone.api.CallField;
import dev.dialtone.api.VoiceComment;
import dev.dialtone.api.VoiceCommentData;
import dev.dialtone.http.Html;
import dev.dialtone.phone.PhoneNumbers;
import dev.dialtone.ticket.Comment;
import dev.dialtone.ticket.Metadata;
import dev.dialtone.ticket.Via;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes a TPE voice comment from its call as the call is now (docs/api.md): the fields it shows,
 * the plain {@code body} and {@code html_body} that summarise them, and the formatted lines. The
 * shape on the wire is {@link VoiceComment}'s.
 */
public final class VoiceCommentRenderer {
  private VoiceCommentRenderer() {}

  /**
   * The comment as the API returns it: the one rendering both the answer that adds it and the
   * ticket's comment list use.
   */
  public static VoiceComment render(Comment comment, Call call) {
    List<CallField> displayed = displayed(comment.callFields());
    String title =
        Objects.requireNonNull(comment.title(), "a voice comment is stored with its title");
    return new VoiceComment(
        comment.id(),
        comment.isPublic(),
        comment.authorId(),
        title,
        body(title, displayed, call),
        htmlBody(title, displayed, call),
        new VoiceCommentData(call, title, comment.requestedAuthorId(), viaId(call), displayed),
        PhoneNumbers.format(call.text(CallField.FROM_LINE)),
        PhoneNumbers.format(call.text(CallField.TO_LINE)),
        displayed.contains(CallField.TRANSCRIPT),
        comment.auditId(),
        // The comment came by the call: its direction and lines, as the ticket a call makes shows.
        Via.voice(viaId(call), call.text(CallField.FROM_LINE), call.text(CallField.TO_LINE))
            .toJson(),
        comment.createdAt(),
        Metadata.none());
  }

  /**
   * The fields a comment shows: the valid names among those requested, in the order requested, each
   * once; the mandatory fields when none were requested.
   */
  public static List<CallField> displayed(List<String> requested) {
    if (requested.isEmpty()) {
      return CallField.mandatory();
    }
    List<CallField> fields = new ArrayList<>();
    for (String name : requested) {
      CallField.displayable(name).filter(f -> !fields.contains(f)).ifPresent(fields::add);
    }
    return fields;
  }

  /** 45 for calls that came in, 46 for calls the team made (docs/api.md). */
  public static int viaId(Call call) {
    String direction = call.text(CallField.DIRECTION);
    return "outbound".equals(direction) || "internal".equals(direction)
        ? Via.OUTBOUND
        : Via.INBOUND;
  }

  /** Lines of the summary; a field without a value is left out rather than shown empty. */
  private static List<String> summary(List<CallField> displayed, Call call) {
    List<String> lines = new ArrayList<>();
    for (CallField field : displayed) {
      Object value = call.wireValue(field);
      if (value != null && !value.toString().isEmpty()) {
        lines.add(field.label() + ": " + value);
      }
    }
    return lines;
  }

  static String body(String title, List<CallField> displayed, Call call) {
    StringBuilder body = new StringBuilder(title).append("\n\nSummary");
    for (String line : summary(displayed, call)) {
      body.append('\n').append(line);
    }
    return body.toString();
  }

  /** Zendesk's markup byte for byte: a line break after every {@code </p>} and {@code <br>}. */
  static String htmlBody(String title, List<CallField> displayed, Call call) {
    StringBuilder html = new StringBuilder("<div class=\"zd-comment\" dir=\"auto\">");
    html.append("<p dir=\"auto\">").append(Html.escape(title)).append("</p>\n");
    html.append("<p dir=\"auto\">Summary");
    for (String line : summary(displayed, call)) {
      html.append("<br>\n").append(Html.escape(line));
    }
    html.append("</p>\n</div>");
    return html.toString();
  }
}
