package dev.dialtone.console;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A TPE voice comment as the ticket page shows it, from its call as the call is now: the one-line
 * summary, the displayed fields by section, and the recording with its transcript.
 *
 * @param id the {@code <details>} element's id, {@code vc-{commentId}}
 * @param refreshUrl where the page fetches this comment again when its call changes
 * @param recordingUrl the call's recording, or null when it has none
 * @param transcript the call's transcript when the comment shows it, or null
 */
public record VoiceCommentView(
    String id,
    long callId,
    String refreshUrl,
    String title,
    Direction direction,
    String from,
    String to,
    String started,
    String duration,
    String status,
    List<Section> sections,
    @Nullable String recordingUrl,
    @Nullable String transcript) {

  public VoiceCommentView {
    sections = List.copyOf(sections);
  }

  /** Which way the call went: the icon and the words that stand for it. */
  public record Direction(String icon, String label) {}

  /** One section of displayed fields, its own {@code <details>} element. */
  public record Section(String id, String label, List<Field> fields) {
    public Section {
      fields = List.copyOf(fields);
    }
  }

  /** A displayed field: the catalogue's label and the value written for a person. */
  public record Field(String label, String value) {}

  /** Whether the recording block shows: a player, or a transcript, or both. */
  public boolean hasRecording() {
    return recordingUrl != null || transcript != null;
  }
}
