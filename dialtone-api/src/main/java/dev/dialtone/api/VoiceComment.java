package dev.dialtone.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Talk Partner Edition voice comment as the API returns it (docs/api.md): its call's fields in
 * {@code data}, and the summary of the fields shown as plain {@code body} and {@code html_body}.
 * Keys the server adds later are ignored when decoding.
 *
 * @param title null only for a comment stored before titles were required
 * @param formattedFrom {@code from_line} as a person reads it; null when the call has none
 * @param formattedTo {@code to_line} likewise
 * @param via Zendesk's {@code via} object: the channel and the call's two lines
 * @param metadata Zendesk's {@code metadata} object, {@code system} and {@code custom}
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
  "via",
  "created_at",
  "metadata"
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
    @JsonProperty("via") Map<String, Object> via,
    @JsonProperty("created_at")
        @JsonSerialize(using = TimestampCodec.Encoder.class)
        @JsonDeserialize(using = TimestampCodec.Decoder.class)
        Instant createdAt,
    @JsonProperty("metadata") Map<String, Object> metadata) {
  public VoiceComment {
    // Copied in order: the server's rendering and a decoded answer keep Zendesk's key order.
    // Zendesk's own answer to POST /api/v2/calls/{id}/comments has neither key: decoded, it reads
    // as empty rather than failing.
    via =
        Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNullElse(via, Map.of())));
    metadata =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNullElse(metadata, Map.of())));
  }

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
