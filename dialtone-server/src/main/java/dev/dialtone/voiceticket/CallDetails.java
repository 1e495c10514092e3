package dev.dialtone.voiceticket;

import dev.dialtone.api.Timestamps;
import dev.dialtone.http.InputLimits;
import dev.dialtone.http.InputObject;
import dev.dialtone.phone.PhoneNumbers;
import dev.dialtone.ticket.Via;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code voice_comment} of {@code POST /api/v2/channels/voice/tickets}: one call or voicemail
 * as the telephony system describes it (docs/api.md). Unlike a TPE voice comment it carries its own
 * values, which are stored as they are sent. A value that failed validation is null; such a request
 * is rejected before any value is used.
 *
 * @param answeredById the agent or admin who took the call, or whose voicemail it reached
 */
// Null where a key was absent or failed: a request with errors is refused before it is used.
record CallDetails(
    @Nullable String from,
    @Nullable String to,
    @Nullable String recordingUrl,
    @Nullable Instant startedAt,
    @Nullable Long callDuration,
    @Nullable Long answeredById,
    @Nullable String transcriptionText,
    @Nullable String location) {
  static final String KEY = "voice_comment";
  static final String LABEL = "Voice comment";

  /** Reads and type-checks every key; each failing one adds a detail keyed by its path. */
  static CallDetails read(InputObject in) {
    return new CallDetails(
        in.requiredText("from", LABEL + " from", InputLimits.TEXT),
        in.requiredText("to", LABEL + " to", InputLimits.TEXT),
        in.requiredUrl("recording_url", LABEL + " recording URL", InputLimits.URL),
        in.requiredTimestamp("started_at", LABEL + " started at"),
        in.requiredCount("call_duration", LABEL + " call duration"),
        in.requiredId("answered_by_id", LABEL + " answered by"),
        in.text("transcription_text", LABEL + " transcription text", InputLimits.TRANSCRIPT),
        in.text("location", LABEL + " location", InputLimits.TEXT));
  }

  /** The stored {@code data} of the comment: every key, unset ones as null, time in UTC. */
  Map<String, Object> data() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("from", from);
    data.put("to", to);
    data.put("recording_url", recordingUrl);
    data.put("started_at", Timestamps.render(required(startedAt)));
    data.put("call_duration", callDuration);
    data.put("answered_by_id", answeredById);
    data.put("transcription_text", transcriptionText);
    data.put("location", location);
    return data;
  }

  /**
   * The comment's plain text, in the shape of Zendesk Talk's voice comments: one {@code Label:
   * value} line each, optional lines left out when unset.
   */
  String body(int viaId, String answeredByName) {
    String opening =
        switch (viaId) {
          case Via.VOICEMAIL -> "Voicemail from";
          case Via.OUTBOUND -> "Outbound call from";
          default -> "Inbound call from";
        };
    StringBuilder body = new StringBuilder();
    long seconds = required(callDuration);
    body.append(opening).append(": ").append(readable(required(from)));
    body.append("\nCall to: ").append(readable(required(to)));
    body.append("\nTime of call: ").append(Timestamps.render(required(startedAt)));
    body.append("\nLength of phone call: ")
        .append(seconds)
        .append(seconds == 1 ? " second" : " seconds");
    body.append("\nAnswered by: ").append(answeredByName);
    if (location != null && !location.isBlank()) {
      body.append("\nLocation: ").append(location);
    }
    if (transcriptionText != null && !transcriptionText.isBlank()) {
      body.append("\nTranscription: ").append(transcriptionText);
    }
    return body.toString();
  }

  /** The subject of a ticket that has none: "Voicemail from +1 (661) 748-0123". */
  String defaultSubject(int viaId) {
    return switch (viaId) {
      case Via.VOICEMAIL -> "Voicemail from " + readable(required(from));
      case Via.OUTBOUND -> "Call to " + readable(required(to));
      default -> "Call from " + readable(required(from));
    };
  }

  /** A key {@link #read} requires: set on every request that passed validation. */
  private static <T> T required(@Nullable T value) {
    return Objects.requireNonNull(value, "a required key, checked before the details are used");
  }

  /** A line as an agent reads it; as sent when it is not a phone number (a SIP address, say). */
  static String readable(String line) {
    String formatted = PhoneNumbers.format(line);
    return formatted.equals(PhoneNumbers.UNKNOWN) ? line : formatted;
  }
}
