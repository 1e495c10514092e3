package dev.dialtone.comment;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.dialtone.api.Call;
import dev.dialtone.api.Timestamps;
import dev.dialtone.call.VoiceCommentRenderer;
import dev.dialtone.http.Json;
import dev.dialtone.phone.PhoneNumbers;
import dev.dialtone.ticket.Comment;
import dev.dialtone.ticket.CommentType;
import dev.dialtone.ticket.Metadata;
import dev.dialtone.ticket.Via;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Every kind of ticket comment as the ticket comments list shows it: the one place for that. */
final class CommentJson {
  private static final TypeReference<LinkedHashMap<String, Object>> WIRE_OBJECT =
      new TypeReference<>() {};

  private CommentJson() {}

  /**
   * The comment as the API returns it, for the JSON mapper to write: a TPE voice comment as its
   * wire type ({@link dev.dialtone.api.VoiceComment}), made from its call as the call is now
   * (docs/api.md: live data); the other kinds, which ignore {@code callOrNull}, as maps.
   */
  public static Object render(Comment comment, @Nullable Call callOrNull) {
    return switch (comment.type()) {
      case TPE_VOICE ->
          callOrNull != null ? VoiceCommentRenderer.render(comment, callOrNull) : orphan(comment);
      case VOICE -> voice(comment);
      case TEXT -> text(comment);
    };
  }

  /**
   * The HTML Zendesk makes of a plain-text body: one paragraph per blank-line-separated block, a
   * line break after each {@code </p>} (and after each {@code <br>}), as Zendesk writes them.
   */
  public static String htmlBody(String body) {
    return Comment.htmlBody(body);
  }

  private static Map<String, Object> text(Comment comment) {
    String body = comment.body() == null ? "" : comment.body();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", comment.id());
    json.put("type", CommentType.TEXT.wireName());
    json.put("author_id", comment.authorId());
    json.put("body", body);
    json.put("html_body", htmlBody(body));
    json.put("plain_body", body);
    json.put("public", comment.isPublic());
    json.put("attachments", List.of());
    json.put("audit_id", comment.auditId());
    json.put("via", Via.api().toJson());
    json.put("created_at", Timestamps.render(comment.createdAt()));
    json.put("metadata", Metadata.none());
    return json;
  }

  private static Map<String, Object> voice(Comment comment) {
    String body = comment.body() == null ? "" : comment.body();
    Map<String, Object> data = data(comment.data());
    Object transcription = data.get("transcription_text");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", comment.id());
    json.put("type", CommentType.VOICE.wireName());
    json.put("author_id", comment.authorId());
    json.put("body", body);
    json.put("html_body", htmlBody(body));
    json.put("public", comment.isPublic());
    json.put("data", data);
    json.put("formatted_from", PhoneNumbers.format(text(data.get("from"))));
    json.put("formatted_to", PhoneNumbers.format(text(data.get("to"))));
    json.put("transcription_visible", transcription instanceof String t && !t.isBlank());
    json.put("trusted", true);
    json.put("attachments", List.of());
    json.put("audit_id", comment.auditId());
    json.put(
        "via", new Via("voice", null, null, text(data.get("from")), text(data.get("to"))).toJson());
    json.put("created_at", Timestamps.render(comment.createdAt()));
    json.put("metadata", Metadata.none());
    return json;
  }

  /**
   * A TPE comment whose call cannot be read: the foreign keys make this impossible today, but a
   * list must still answer rather than fail, so it shows what the comment itself keeps.
   */
  private static Map<String, Object> orphan(Comment comment) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", comment.id());
    json.put("type", CommentType.TPE_VOICE.wireName());
    json.put("public", comment.isPublic());
    json.put("author_id", comment.authorId());
    json.put("title", comment.title());
    json.put("body", comment.title());
    json.put("html_body", htmlBody(comment.title() == null ? "" : comment.title()));
    json.put("data", Map.of());
    json.put("trusted", true);
    json.put("attachments", List.of());
    json.put("audit_id", comment.auditId());
    json.put("via", new Via("voice", null, null, null, null).toJson());
    json.put("created_at", Timestamps.render(comment.createdAt()));
    json.put("metadata", Metadata.none());
    return json;
  }

  /** The stored {@code data} object; unreadable or absent data shows as an empty object. */
  private static Map<String, Object> data(@Nullable String stored) {
    if (stored == null || stored.isBlank()) {
      return new LinkedHashMap<>();
    }
    try {
      Map<String, Object> data = Json.mapper().readValue(stored, WIRE_OBJECT);
      return data == null ? new LinkedHashMap<>() : data;
    } catch (IOException e) {
      return new LinkedHashMap<>();
    }
  }

  private static @Nullable String text(@Nullable Object value) {
    return value == null ? null : value.toString();
  }
}
