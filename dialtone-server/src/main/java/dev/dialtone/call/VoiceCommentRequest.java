package dev.dialtone.call;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.http.FieldErrors;
import dev.dialtone.http.InputLimits;
import dev.dialtone.http.InputObject;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of a TPE voice comment (docs/api.md), read and type-checked. Whether the ids name users
 * of the account is checked by {@link VoiceComments} inside the write.
 */
record VoiceCommentRequest(
    @Nullable String title,
    List<String> callFields,
    @Nullable Long authorId,
    @Nullable Long displayToAgent,
    @Nullable String subject) {
  public VoiceCommentRequest {
    callFields = List.copyOf(callFields);
  }

  /**
   * Reads the request, adding each failing key to {@code errors}; unknown keys to {@code ignored}.
   */
  public static VoiceCommentRequest read(
      ObjectNode body, FieldErrors errors, List<String> ignored) {
    InputObject input = new InputObject(body, errors);
    String title = input.requiredText("title", "Title", InputLimits.TEXT);
    // Entries name catalogue fields; one that names none is skipped when the comment is rendered,
    // so an entry has no length rule of its own.
    List<String> callFields =
        input.texts("call_fields", "Call fields", InputLimits.CALL_FIELDS, Integer.MAX_VALUE);
    Long authorId = input.id("author_id", "Author");
    Long displayToAgent = input.id("display_to_agent", "Display to agent");
    String subject = input.text("subject", "Subject", InputLimits.TEXT);
    ignored.addAll(input.unknownKeys());
    return new VoiceCommentRequest(
        title, callFields == null ? List.of() : callFields, authorId, displayToAgent, subject);
  }
}
