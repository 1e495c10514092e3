package dev.dialtone.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue's grouping of fields into the sections of a voice comment. */
class CallFieldSectionTest {
  @Test
  void theSectionsComeInTheOrderAVoiceCommentShowsThem() {
    assertThat(Arrays.stream(CallField.Section.values()).map(CallField.Section::label))
        .containsExactly(
            "Call", "Queue and IVR", "Handling times", "Recording and consent", "Outcome");
    assertThat(CallField.Section.QUEUE_AND_IVR.id()).isEqualTo("queue-and-ivr");
  }

  @Test
  void everySectionShowsSomeFieldThatAVoiceCommentMayDisplay() {
    for (CallField.Section section : CallField.Section.values()) {
      assertThat(
              Arrays.stream(CallField.values())
                  .filter(CallField::isDisplayable)
                  .filter(f -> f.section() == section))
          .as(section.label())
          .isNotEmpty();
    }
  }

  @Test
  void fieldsAreGroupedByWhatTheyTellOfTheCall() {
    assertSection(
        CallField.Section.CALL,
        "direction",
        "from_line",
        "to_line",
        "call_started_at",
        "call_ended_at",
        "duration",
        "agent_id");
    assertSection(
        CallField.Section.QUEUE_AND_IVR,
        "queue_name",
        "queue_time",
        "wait_time",
        "ivr_destination_group_name",
        "ivr_time_spent",
        "exceeded_queue_time",
        "overflowed_to",
        "outside_business_hours");
    assertSection(
        CallField.Section.HANDLING_TIMES,
        "talk_time",
        "hold_time",
        "wrap_up_time",
        "consultation_time",
        "time_to_answer");
    assertSection(
        CallField.Section.RECORDING_AND_CONSENT,
        "recording_url",
        "transcript",
        "call_recording_consent",
        "call_recording_consent_action");
    assertSection(CallField.Section.OUTCOME, "completion_status", "call_disposition", "voicemail");
  }

  private static void assertSection(CallField.Section section, String... wireNames) {
    List<String> names = Arrays.asList(wireNames);
    assertThat(
            names.stream()
                .map(n -> CallField.byName(n).orElseThrow())
                .filter(f -> f.section() != section)
                .map(CallField::wireName))
        .as("fields not in " + section.label())
        .isEmpty();
  }
}
