package dev.dialtone.call;

import dev.dialtone.api.CallField;
import dev.dialtone.http.Html;
import dev.dialtone.phone.PhoneNumbers;
import dev.dialtone.ticket.Comment;
import dev.dialtone.ticket.CommentType;
import dev.dialtone.ticket.Via;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a TPE voice comment from its call as the call is now (docs/api.md): {@code data}, the
 * plain {@code body}, the {@code html_body}, and the formatted lines.
 */
public final class VoiceCommentRenderer {
  private VoiceCommentRenderer() {}

  /** The comment as the API returns it. */
  public static Map<String, Object> render(Comment comment, Call call) {
    List<CallField> displayed = displayed(comment.callFields());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", comment.id());
    json.put("type", CommentType.TPE_VOICE.wireName());
    json.put("public", comment.isPublic());
    json.put("author_id", comment.authorId());
    json.put("title", comment.title());
    // A voice comment is made with a title (blank is refused), so it always has one.
    String title = Objects.requireNonNull(comment.title());
    json.put("body", body(title, displayed, call));
    json.put("html_body", htmlBody(title, displayed, call));
    json.put("data", data(comment, displayed, call));
    json.put("formatted_from", PhoneNumbers.format(call.stringValue(CallField.FROM_LINE)));
    json.put("formatted_to", PhoneNumbers.format(call.stringValue(CallField.TO_LINE)));
    json.put("transcription_visible", displayed.contains(CallField.TRANSCRIPT));
    json.put("trusted", true);
    json.put("attachments", List.of());
    json.put("audit_id", comment.auditId());
    json.put("created_at", CallJson.wireValue(comment.createdAt()));
    return json;
  }

  /**
   * The fields a comment shows: the valid names among those requested, in the order requested, each
   * once; the mandatory fields when none were requested.
   */
  static List<CallField> displayed(List<String> requested) {
    if (requested.isEmpty()) {
      return CallField.mandatory();
    }
    List<CallField> fields = new ArrayList<>();
    for (String name : requested) {
      CallField.displayable(name).filter(f -> !fields.contains(f)).ifPresent(fields::add);
    }
    return fields;
  }

  private static Map<String, Object> data(Comment comment, List<CallField> displayed, Call call) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("app_id", call.value(CallField.APP_ID));
    data.put("call_id", call.id());
    data.put("title", comment.title());
    data.put("author_id", comment.requestedAuthorId());
    data.put("via_id", viaId(call));
    data.put("external_id", call.value(CallField.EXTERNAL_ID));
    String recordingUrl = call.stringValue(CallField.RECORDING_URL);
    data.put("recording_url", recordingUrl == null ? "" : recordingUrl);
    for (CallField field : displayed) {
      if (field != CallField.RECORDING_URL) {
        data.put(field.wireName(), CallJson.wireValue(call.value(field)));
      }
    }
    return data;
  }

  /** 45 for calls that came in, 46 for calls the team made (docs/api.md). */
  public static int viaId(Call call) {
    String direction = call.stringValue(CallField.DIRECTION);
    return "outbound".equals(direction) || "internal".equals(direction)
        ? Via.OUTBOUND
        : Via.INBOUND;
  }

  /** Lines of the summary; a field without a value is left out rather than shown empty. */
  private static List<String> summary(List<CallField> displayed, Call call) {
    List<String> lines = new ArrayList<>();
    for (CallField field : displayed) {
      Object value = CallJson.wireValue(call.value(field));
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

  static String htmlBody(String title, List<CallField> displayed, Call call) {
    StringBuilder html = new StringBuilder("<div class=\"zd-comment\" dir=\"auto\">");
    html.append("<p dir=\"auto\">").append(Html.escape(title)).append("</p>");
    html.append("<p dir=\"auto\">Summary");
    for (String line : summary(displayed, call)) {
      html.append("<br>").append(Html.escape(line));
    }
    html.append("</p></div>");
    return html.toString();
  }
}
