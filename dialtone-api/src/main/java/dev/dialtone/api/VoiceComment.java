package dev.dialtone.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;

/**
 * A Talk Partner Edition voice comment as the API returns it (docs/api.md): its call's fields in
 * {@code data}, and the summary of the fields shown as plain {@code body} and {@code html_body}.
 * Keys the server adds later are ignored when decoding.
 *
 * @param title null only for a comment stored before titles were required
 * @param formattedFrom {@code from_line} as a person reads it; null when the call has none
 * @param formattedTo {@code to_line} likewise
 */
@JsonPropertyOrder({
  "id",
  "type",
  "public",
  "author_id",
  "title",
  "body",
  "html_body",
  "data",
  "formatted_from",
  "formatted_to",
  "transcription_visible",
  "trusted",
  "attachments",
  "audit_id",
  "created_at"
})
@JsonIgnoreProperties(ignoreUnknown = true)
public record VoiceComment(
    @JsonProperty("id") long id,
    @JsonProperty("public") boolean isPublic,
    @JsonProperty("author_id") long authorId,
    @JsonProperty("title") String title,
    @JsonProperty("body") String body,
    @JsonProperty("html_body") String htmlBody,
    @JsonProperty("data") VoiceCommentData data,
    @JsonProperty("formatted_from") String formattedFrom,
    @JsonProperty("formatted_to") String formattedTo,
    @JsonProperty("transcription_visible") boolean transcriptionVisible,
    @JsonProperty("audit_id") long auditId,
    @JsonProperty("created_at")
        @JsonSerialize(using = TimestampCodec.Encoder.class)
        @JsonDeserialize(using = TimestampCodec.Decoder.class)
        Instant createdAt) {
  /** The comment's {@code type}, as Zendesk names the kind. */
  public static final String TYPE = "TpeVoiceComment";

  @JsonProperty(value = "type", access = JsonProperty.Access.READ_ONLY)
  public String type() {
    return TYPE;
  }

  /** Always true: the comment is written by the integration, not typed by an end user. */
  @JsonProperty(value = "trusted", access = JsonProperty.Access.READ_ONLY)
  public boolean trusted() {
    return true;
  }

  /** Always empty: a voice comment carries its recording as {@code data.recording_url}. */
  @JsonProperty(value = "attachments", access = JsonProperty.Access.READ_ONLY)
  public List<Object> attachments() {
    return List.of();
  }
}
