package dev.dialtone.console;

import dev.dialtone.api.Call;
import dev.dialtone.api.CallField;
import dev.dialtone.call.VoiceCommentRenderer;
import dev.dialtone.phone.PhoneNumbers;
import dev.dialtone.ticket.Comment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * Makes the console's view of a TPE voice comment from the comment and its call as the call is now:
 * the same displayed fields as the API's {@code data}, written for a person.
 */
final class VoiceCommentPresenter {
  /** Shown apart from the sections: the player, the link and the transcript beside it. */
  private static final Set<CallField> SHOWN_APART =
      Set.of(CallField.RECORDING_URL, CallField.TRANSCRIPT);

  /** Count fields that count something other than seconds. */
  private static final Set<CallField> PLAIN_COUNTS =
      Set.of(CallField.IVR_HOPS, CallField.RECORDING_CONTROL_INTERACTIONS);

  private VoiceCommentPresenter() {}

  /** {@code userName} names the agent of {@code agent_id}, as the rest of the page names people. */
  static VoiceCommentView present(Comment comment, Call call, LongFunction<String> userName) {
    List<CallField> displayed = VoiceCommentRenderer.displayed(comment.callFields());
    String id = "vc-" + comment.id();
    Map<CallField.Section, List<VoiceCommentView.Field>> bySection =
        new EnumMap<>(CallField.Section.class);
    for (CallField field : displayed) {
      if (!SHOWN_APART.contains(field)) {
        bySection
            .computeIfAbsent(field.section(), s -> new ArrayList<>())
            .add(new VoiceCommentView.Field(field.label(), value(call, field, userName)));
      }
    }
    List<VoiceCommentView.Section> sections = new ArrayList<>();
    bySection.forEach(
        (section, fields) ->
            sections.add(
                new VoiceCommentView.Section(id + "-" + section.id(), section.label(), fields)));
    String transcript = call.text(CallField.TRANSCRIPT);
    boolean showsTranscript =
        displayed.contains(CallField.TRANSCRIPT) && transcript != null && !transcript.isBlank();
    String recordingUrl = call.text(CallField.RECORDING_URL);
    Long duration = call.number(CallField.DURATION);
    return new VoiceCommentView(
        id,
        call.id(),
        "/agent/tickets/" + comment.ticketId() + "/comments/" + comment.id() + "/voice",
        Objects.requireNonNullElse(comment.title(), ""),
        direction(call.text(CallField.DIRECTION)),
        line(call.text(CallField.FROM_LINE), call.text(CallField.FROM_LINE_NICKNAME)),
        line(call.text(CallField.TO_LINE), call.text(CallField.TO_LINE_NICKNAME)),
        Formats.second(call.instant(CallField.CALL_STARTED_AT)),
        duration == null ? "" : Formats.duration(duration),
        status(call.text(CallField.COMPLETION_STATUS)),
        sections,
        recordingUrl == null || recordingUrl.isBlank() ? null : recordingUrl,
        showsTranscript ? transcript : null);
  }

  static VoiceCommentView.Direction direction(@Nullable String direction) {
    return switch (direction == null ? "" : direction) {
      case "outbound" -> new VoiceCommentView.Direction("↗", "Outbound call");
      case "internal" -> new VoiceCommentView.Direction("↔", "Internal call");
      case "callback" -> new VoiceCommentView.Direction("↩", "Callback");
      default -> new VoiceCommentView.Direction("↙", "Inbound call");
    };
  }

  /** A line as agents know it: its nickname first when it has one, then the number. */
  static String line(@Nullable String line, @Nullable String nickname) {
    String number = Formats.phone(line);
    if (number.isEmpty()) {
      number = PhoneNumbers.UNKNOWN;
    }
    return nickname == null || nickname.isBlank() ? number : nickname + " (" + number + ")";
  }

  /** {@code abandoned_in_queue} as "Abandoned in queue"; no status yet means in progress. */
  static String status(@Nullable String status) {
    return status == null || status.isBlank() ? "In progress" : readable(status);
  }

  private static String readable(String wireValue) {
    String spaced = wireValue.replace('_', ' ');
    return spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
  }

  /** A field's value for a person: Yes/No, durations, times in UTC, "Not set" for none. */
  static String value(Call call, CallField field, LongFunction<String> userName) {
    Object value = call.value(field);
    if (value == null || value.toString().isEmpty()) {
      return "Not set";
    }
    if (field == CallField.AGENT_ID) {
      return userName.apply(((Number) value).longValue());
    }
    return switch (field.type()) {
      case BOOLEAN -> Boolean.TRUE.equals(value) ? "Yes" : "No";
      case COUNT ->
          PLAIN_COUNTS.contains(field)
              ? value.toString()
              : Formats.duration(((Number) value).longValue());
      case TIMESTAMP -> Formats.second((Instant) value);
      case ID, STRING, URL, ENUM -> value.toString();
    };
  }
}
