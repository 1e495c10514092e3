package dev.dialtone.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The catalogue against the reference text of the calls API, table by table. */
class CallFieldTest {
  /** The rows of the reference's "JSON format" table, in its order. */
  static final List<String> REFERENCE_FIELDS =
      List.of(
          "agent_id",
          "app_id",
          "brand_id",
          "call_disposition",
          "call_ended_at",
          "call_recording_consent",
          "call_recording_consent_action",
          "call_started_at",
          "call_type",
          "callback_number",
          "callback_source",
          "completion_status",
          "consultation_time",
          "created_at",
          "customer_requested_voicemail",
          "direction",
          "dnis",
          "duration",
          "end_user_id",
          "end_user_location",
          "exceeded_queue_time",
          "external_id",
          "from_line",
          "from_line_nickname",
          "hold_time",
          "id",
          "ivr_action",
          "ivr_destination_group_name",
          "ivr_hops",
          "ivr_routed_to",
          "ivr_time_spent",
          "not_recording_time",
          "organization_id",
          "outside_business_hours",
          "overflowed",
          "overflowed_to",
          "phone_name",
          "queue_name",
          "queue_time",
          "recording_control_interactions",
          "recording_time",
          "recording_url",
          "talk_time",
          "ticket_id",
          "time_to_answer",
          "to_line",
          "to_line_nickname",
          "transcript",
          "updated_at",
          "voicemail",
          "wait_time",
          "wrap_up_time");

  /** The reference's "Valid comment fields" list. */
  static final List<String> VALID_COMMENT_FIELDS =
      List.of(
          "agent_id",
          "call_disposition",
          "call_ended_at",
          "call_recording_consent_action",
          "call_type",
          "callback_number",
          "completion_status",
          "consultation_time",
          "dnis",
          "duration",
          "end_user_location",
          "exceeded_queue_time",
          "hold_time",
          "ivr_destination_group_name",
          "ivr_time_spent",
          "location",
          "outside_business_hours",
          "overflowed_to",
          "phone_name",
          "queue_name",
          "queue_time",
          "recording_url",
          "talk_time",
          "time_to_answer",
          "transcript",
          "wait_time",
          "external_id");

  @Test
  void catalogue_hasEveryReferenceFieldPlusTheAccountIdAndZendesksReadOnlyKeys() {
    List<String> catalogue = Arrays.stream(CallField.values()).map(CallField::wireName).toList();

    assertThat(catalogue).containsAll(REFERENCE_FIELDS);
    assertThat(catalogue)
        .hasSize(REFERENCE_FIELDS.size() + 3)
        .contains("account_id", "callback", "call_abandoned_position");
    assertThat(CallField.CALLBACK.is(CallField.Flag.SERVER)).isTrue();
    assertThat(CallField.CALL_ABANDONED_POSITION.is(CallField.Flag.SERVER)).isTrue();
  }

  @Test
  void mandatoryFields_areThoseTheReferenceMarksMandatory() {
    assertThat(CallField.mandatory().stream().map(CallField::wireName))
        .containsExactlyInAnyOrder(
            "app_id", "call_started_at", "direction", "from_line", "to_line");
  }

  @Test
  void integerFields_travelAsIntegers_andStringFieldsAsStrings() {
    assertThat(CallField.byName("agent_id").orElseThrow().type().isInteger())
        .as("agent_id")
        .isEqualTo(true);
    assertThat(CallField.byName("app_id").orElseThrow().type().isInteger())
        .as("app_id")
        .isEqualTo(true);
    assertThat(CallField.byName("brand_id").orElseThrow().type().isInteger())
        .as("brand_id")
        .isEqualTo(true);
    assertThat(CallField.byName("call_disposition").orElseThrow().type().isInteger())
        .as("call_disposition")
        .isEqualTo(false);
    assertThat(CallField.byName("call_ended_at").orElseThrow().type().isInteger())
        .as("call_ended_at")
        .isEqualTo(false);
    assertThat(CallField.byName("call_recording_consent").orElseThrow().type().isInteger())
        .as("call_recording_consent")
        .isEqualTo(false);
    assertThat(CallField.byName("call_recording_consent_action").orElseThrow().type().isInteger())
        .as("call_recording_consent_action")
        .isEqualTo(false);
    assertThat(CallField.byName("call_started_at").orElseThrow().type().isInteger())
        .as("call_started_at")
        .isEqualTo(false);
    assertThat(CallField.byName("call_type").orElseThrow().type().isInteger())
        .as("call_type")
        .isEqualTo(false);
    assertThat(CallField.byName("callback_number").orElseThrow().type().isInteger())
        .as("callback_number")
        .isEqualTo(false);
    assertThat(CallField.byName("callback_source").orElseThrow().type().isInteger())
        .as("callback_source")
        .isEqualTo(false);
    assertThat(CallField.byName("completion_status").orElseThrow().type().isInteger())
        .as("completion_status")
        .isEqualTo(false);
    assertThat(CallField.byName("consultation_time").orElseThrow().type().isInteger())
        .as("consultation_time")
        .isEqualTo(true);
    assertThat(CallField.byName("created_at").orElseThrow().type().isInteger())
        .as("created_at")
        .isEqualTo(false);
    assertThat(CallField.byName("customer_requested_voicemail").orElseThrow().type().isInteger())
        .as("customer_requested_voicemail")
        .isEqualTo(false);
    assertThat(CallField.byName("direction").orElseThrow().type().isInteger())
        .as("direction")
        .isEqualTo(false);
    assertThat(CallField.byName("dnis").orElseThrow().type().isInteger())
        .as("dnis")
        .isEqualTo(false);
    assertThat(CallField.byName("duration").orElseThrow().type().isInteger())
        .as("duration")
        .isEqualTo(true);
    assertThat(CallField.byName("end_user_id").orElseThrow().type().isInteger())
        .as("end_user_id")
        .isEqualTo(true);
    assertThat(CallField.byName("end_user_location").orElseThrow().type().isInteger())
        .as("end_user_location")
        .isEqualTo(false);
    assertThat(CallField.byName("exceeded_queue_time").orElseThrow().type().isInteger())
        .as("exceeded_queue_time")
        .isEqualTo(false);
    assertThat(CallField.byName("external_id").orElseThrow().type().isInteger())
        .as("external_id")
        .isEqualTo(false);
    assertThat(CallField.byName("from_line").orElseThrow().type().isInteger())
        .as("from_line")
        .isEqualTo(false);
    assertThat(CallField.byName("from_line_nickname").orElseThrow().type().isInteger())
        .as("from_line_nickname")
        .isEqualTo(false);
    assertThat(CallField.byName("hold_time").orElseThrow().type().isInteger())
        .as("hold_time")
        .isEqualTo(true);
    assertThat(CallField.byName("id").orElseThrow().type().isInteger()).as("id").isEqualTo(true);
    assertThat(CallField.byName("ivr_action").orElseThrow().type().isInteger())
        .as("ivr_action")
        .isEqualTo(false);
    assertThat(CallField.byName("ivr_destination_group_name").orElseThrow().type().isInteger())
        .as("ivr_destination_group_name")
        .isEqualTo(false);
    assertThat(CallField.byName("ivr_hops").orElseThrow().type().isInteger())
        .as("ivr_hops")
        .isEqualTo(true);
    assertThat(CallField.byName("ivr_routed_to").orElseThrow().type().isInteger())
        .as("ivr_routed_to")
        .isEqualTo(false);
    assertThat(CallField.byName("ivr_time_spent").orElseThrow().type().isInteger())
        .as("ivr_time_spent")
        .isEqualTo(true);
    assertThat(CallField.byName("not_recording_time").orElseThrow().type().isInteger())
        .as("not_recording_time")
        .isEqualTo(true);
    assertThat(CallField.byName("organization_id").orElseThrow().type().isInteger())
        .as("organization_id")
        .isEqualTo(true);
    assertThat(CallField.byName("outside_business_hours").orElseThrow().type().isInteger())
        .as("outside_business_hours")
        .isEqualTo(false);
    assertThat(CallField.byName("overflowed").orElseThrow().type().isInteger())
        .as("overflowed")
        .isEqualTo(false);
    assertThat(CallField.byName("overflowed_to").orElseThrow().type().isInteger())
        .as("overflowed_to")
        .isEqualTo(false);
    assertThat(CallField.byName("phone_name").orElseThrow().type().isInteger())
        .as("phone_name")
        .isEqualTo(false);
    assertThat(CallField.byName("queue_name").orElseThrow().type().isInteger())
        .as("queue_name")
        .isEqualTo(false);
    assertThat(CallField.byName("queue_time").orElseThrow().type().isInteger())
        .as("queue_time")
        .isEqualTo(true);
    assertThat(CallField.byName("recording_control_interactions").orElseThrow().type().isInteger())
        .as("recording_control_interactions")
        .isEqualTo(true);
    assertThat(CallField.byName("recording_time").orElseThrow().type().isInteger())
        .as("recording_time")
        .isEqualTo(true);
    assertThat(CallField.byName("recording_url").orElseThrow().type().isInteger())
        .as("recording_url")
        .isEqualTo(false);
    assertThat(CallField.byName("talk_time").orElseThrow().type().isInteger())
        .as("talk_time")
        .isEqualTo(true);
    assertThat(CallField.byName("ticket_id").orElseThrow().type().isInteger())
        .as("ticket_id")
        .isEqualTo(true);
    assertThat(CallField.byName("time_to_answer").orElseThrow().type().isInteger())
        .as("time_to_answer")
        .isEqualTo(true);
    assertThat(CallField.byName("to_line").orElseThrow().type().isInteger())
        .as("to_line")
        .isEqualTo(false);
    assertThat(CallField.byName("to_line_nickname").orElseThrow().type().isInteger())
        .as("to_line_nickname")
        .isEqualTo(false);
    assertThat(CallField.byName("transcript").orElseThrow().type().isInteger())
        .as("transcript")
        .isEqualTo(false);
    assertThat(CallField.byName("updated_at").orElseThrow().type().isInteger())
        .as("updated_at")
        .isEqualTo(false);
    assertThat(CallField.byName("voicemail").orElseThrow().type().isInteger())
        .as("voicemail")
        .isEqualTo(false);
    assertThat(CallField.byName("wait_time").orElseThrow().type().isInteger())
        .as("wait_time")
        .isEqualTo(true);
    assertThat(CallField.byName("wrap_up_time").orElseThrow().type().isInteger())
        .as("wrap_up_time")
        .isEqualTo(true);
  }

  @Test
  void displayableFields_areTheValidCommentFieldsAndTheMandatoryOnes() {
    for (String name : VALID_COMMENT_FIELDS) {
      assertThat(CallField.displayable(name)).as(name).isPresent();
    }
    for (CallField field : CallField.mandatory()) {
      assertThat(CallField.displayable(field.wireName())).as(field.wireName()).isPresent();
    }
    for (CallField field : CallField.values()) {
      boolean listed =
          VALID_COMMENT_FIELDS.contains(field.wireName()) || field.is(CallField.Flag.MANDATORY);
      assertThat(CallField.displayable(field.wireName()).isPresent())
          .as("%s is displayable exactly when the reference lists it", field.wireName())
          .isEqualTo(listed);
    }
    assertThat(CallField.displayable("brand_id")).isEmpty();
    assertThat(CallField.displayable("no_such_field")).isEmpty();
  }

  @Test
  void location_isAnAliasOfEndUserLocation() {
    assertThat(CallField.displayable("location"))
        .isEqualTo(Optional.of(CallField.END_USER_LOCATION));
    assertThat(CallField.byName("location")).isEmpty();
  }

  @Test
  void labels_areTheNamesMadeReadable() {
    assertThat(CallField.FROM_LINE.label()).isEqualTo("From line");
    assertThat(CallField.CALL_STARTED_AT.label()).isEqualTo("Call started at");
  }

  @Test
  void limits_followTheBehaviourRules() {
    assertThat(CallField.TRANSCRIPT.maxLength()).isEqualTo(1_000_000);
    assertThat(CallField.RECORDING_URL.maxLength()).isEqualTo(2_048);
    assertThat(CallField.QUEUE_NAME.maxLength()).isEqualTo(255);
    assertThat(CallField.DIRECTION.allowedValues())
        .containsExactly("inbound", "outbound", "internal", "callback");
  }
}
