package dev.dialtone.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The one catalogue of the standard call object's fields: name, JSON type, mandatory, read-only,
 * length limit, allowed values, whether a voice comment may display it, and the record it refers
 * to. Validation, storage, JSON rendering and voice comment rendering all read this table, so
 * adding a field is one line here (plus its column in a migration).
 */
public enum CallField {
  ACCOUNT_ID(FieldType.ID, Section.CALL, Flag.SERVER),
  AGENT_ID(FieldType.ID, Section.CALL, Flag.COMMENT, refersTo(Reference.AGENT)),
  APP_ID(FieldType.ID, Section.CALL, Flag.MANDATORY, Flag.CREATE_ONLY),
  BRAND_ID(FieldType.ID, Section.CALL, refersTo(Reference.BRAND)),
  // Not in the reference table, but in Zendesk's call object: shown, null, never written.
  CALL_ABANDONED_POSITION(FieldType.COUNT, Section.QUEUE_AND_IVR, Flag.SERVER),
  CALL_DISPOSITION(FieldType.STRING, Section.OUTCOME, Flag.COMMENT),
  CALL_ENDED_AT(FieldType.TIMESTAMP, Section.CALL, Flag.COMMENT),
  CALL_RECORDING_CONSENT(
      FieldType.ENUM,
      Section.RECORDING_AND_CONSENT,
      allowing("always", "opt_in", "opt_out", "never")),
  CALL_RECORDING_CONSENT_ACTION(FieldType.STRING, Section.RECORDING_AND_CONSENT, Flag.COMMENT),
  CALL_STARTED_AT(FieldType.TIMESTAMP, Section.CALL, Flag.MANDATORY),
  CALL_TYPE(FieldType.STRING, Section.CALL, Flag.COMMENT),
  CALLBACK(FieldType.BOOLEAN, Section.CALL, Flag.SERVER),
  CALLBACK_NUMBER(FieldType.STRING, Section.CALL, Flag.COMMENT),
  CALLBACK_SOURCE(FieldType.ENUM, Section.QUEUE_AND_IVR, allowing("queue", "web widget")),
  COMPLETION_STATUS(
      FieldType.ENUM,
      Section.OUTCOME,
      Flag.COMMENT,
      Flag.EMPTY_ALLOWED,
      allowing(
          "completed",
          "abandoned_in_queue",
          "abandoned_in_ivr",
          "abandoned_in_voicemail",
          "abandoned_on_hold",
          "pending_voicemail",
          "missed",
          "declined",
          "dropped",
          "dropped_by_caller",
          "dropped_by_agent")),
  CONSULTATION_TIME(FieldType.COUNT, Section.HANDLING_TIMES, Flag.COMMENT),
  CREATED_AT(FieldType.TIMESTAMP, Section.CALL, Flag.SERVER),
  CUSTOMER_REQUESTED_VOICEMAIL(FieldType.BOOLEAN, Section.OUTCOME),
  DIRECTION(
      FieldType.ENUM,
      Section.CALL,
      Flag.MANDATORY,
      allowing("inbound", "outbound", "internal", "callback")),
  DNIS(FieldType.STRING, Section.CALL, Flag.COMMENT),
  DURATION(FieldType.COUNT, Section.CALL, Flag.COMMENT),
  END_USER_ID(FieldType.ID, Section.CALL, refersTo(Reference.USER)),
  END_USER_LOCATION(FieldType.STRING, Section.CALL, Flag.COMMENT),
  EXCEEDED_QUEUE_TIME(FieldType.BOOLEAN, Section.QUEUE_AND_IVR, Flag.COMMENT),
  EXTERNAL_ID(FieldType.STRING, Section.CALL, Flag.COMMENT),
  FROM_LINE(FieldType.STRING, Section.CALL, Flag.MANDATORY),
  FROM_LINE_NICKNAME(FieldType.STRING, Section.CALL),
  HOLD_TIME(FieldType.COUNT, Section.HANDLING_TIMES, Flag.COMMENT),
  ID(FieldType.ID, Section.CALL, Flag.SERVER),
  IVR_ACTION(FieldType.STRING, Section.QUEUE_AND_IVR),
  IVR_DESTINATION_GROUP_NAME(FieldType.STRING, Section.QUEUE_AND_IVR, Flag.COMMENT),
  IVR_HOPS(FieldType.COUNT, Section.QUEUE_AND_IVR),
  IVR_ROUTED_TO(FieldType.STRING, Section.QUEUE_AND_IVR),
  IVR_TIME_SPENT(FieldType.COUNT, Section.QUEUE_AND_IVR, Flag.COMMENT),
  NOT_RECORDING_TIME(FieldType.COUNT, Section.RECORDING_AND_CONSENT),
  ORGANIZATION_ID(FieldType.ID, Section.CALL, refersTo(Reference.ORGANIZATION)),
  OUTSIDE_BUSINESS_HOURS(FieldType.BOOLEAN, Section.QUEUE_AND_IVR, Flag.COMMENT),
  OVERFLOWED(FieldType.BOOLEAN, Section.QUEUE_AND_IVR),
  OVERFLOWED_TO(FieldType.STRING, Section.QUEUE_AND_IVR, Flag.COMMENT),
  PHONE_NAME(FieldType.STRING, Section.CALL, Flag.COMMENT),
  QUEUE_NAME(FieldType.STRING, Section.QUEUE_AND_IVR, Flag.COMMENT),
  QUEUE_TIME(FieldType.COUNT, Section.QUEUE_AND_IVR, Flag.COMMENT),
  RECORDING_CONTROL_INTERACTIONS(FieldType.COUNT, Section.RECORDING_AND_CONSENT),
  RECORDING_TIME(FieldType.COUNT, Section.RECORDING_AND_CONSENT),
  RECORDING_URL(FieldType.URL, Section.RECORDING_AND_CONSENT, Flag.COMMENT, maxLength(Limits.URL)),
  TALK_TIME(FieldType.COUNT, Section.HANDLING_TIMES, Flag.COMMENT),
  TICKET_ID(FieldType.ID, Section.CALL, Flag.NOT_ON_CREATE, refersTo(Reference.TICKET)),
  TIME_TO_ANSWER(FieldType.COUNT, Section.HANDLING_TIMES, Flag.COMMENT),
  TO_LINE(FieldType.STRING, Section.CALL, Flag.MANDATORY),
  TO_LINE_NICKNAME(FieldType.STRING, Section.CALL),
  TRANSCRIPT(
      FieldType.STRING, Section.RECORDING_AND_CONSENT, Flag.COMMENT, maxLength(Limits.TRANSCRIPT)),
  UPDATED_AT(FieldType.TIMESTAMP, Section.CALL, Flag.SERVER),
  VOICEMAIL(FieldType.BOOLEAN, Section.OUTCOME),
  WAIT_TIME(FieldType.COUNT, Section.QUEUE_AND_IVR, Flag.COMMENT),
  // Not in the reference's "Valid comment fields": a voice comment never shows it.
  WRAP_UP_TIME(FieldType.COUNT, Section.HANDLING_TIMES);

  /** Something the catalogue says of a field: a {@link Flag} or one of the rules below. */
  private sealed interface Option permits Flag, AllowedValues, MaxLength, RefersTo {}

  private record AllowedValues(List<String> values) implements Option {}

  private record MaxLength(int characters) implements Option {}

  private record RefersTo(Reference reference) implements Option {}

  private static Option allowing(String... values) {
    return new AllowedValues(List.of(values));
  }

  private static Option maxLength(int characters) {
    return new MaxLength(characters);
  }

  private static Option refersTo(Reference reference) {
    return new RefersTo(reference);
  }

  /** Properties a field may carry in the catalogue. */
  public enum Flag implements Option {
    /** Required on create; may be changed but never cleared. */
    MANDATORY,
    /** Set by the server; ignored when a client sends it. */
    SERVER,
    /** Set on create only: a PATCH may repeat the stored value but not change it. */
    CREATE_ONLY,
    /** Rejected on create, even as null (docs/decisions.md). */
    NOT_ON_CREATE,
    /** In the reference's list of valid comment fields. */
    COMMENT,
    /** An enum that also takes {@code ""}, stored as unset: completion_status while in progress. */
    EMPTY_ALLOWED
  }

  /**
   * The part of a voice comment where a field is shown, in the order the parts are shown: every
   * reader that groups fields (the agent console, documents) shares this grouping.
   */
  public enum Section {
    CALL("Call"),
    QUEUE_AND_IVR("Queue and IVR"),
    HANDLING_TIMES("Handling times"),
    RECORDING_AND_CONSENT("Recording and consent"),
    OUTCOME("Outcome");

    private final String label;
    private final String id;

    Section(String label) {
      this.label = label;
      this.id = name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The heading a reader shows above the section's fields. */
    public String label() {
      return label;
    }

    /** A name for the section fit for identifiers and URLs: {@code queue-and-ivr}. */
    public String id() {
      return id;
    }
  }

  /** The kind of record an id field must name in the same account. */
  public enum Reference {
    /** A user whose role is agent or admin. */
    AGENT,
    /** Any user. */
    USER,
    BRAND,
    ORGANIZATION,
    TICKET
  }

  /** Length limits of string fields, in characters (docs/api.md). */
  public static final class Limits {
    public static final int STRING = 255;
    public static final int URL = 2_048;
    public static final int TRANSCRIPT = 1_000_000;

    private Limits() {}
  }

  private static final Map<String, CallField> BY_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(f -> f.wireName, Function.identity()));

  /** The comment field name that the reference accepts in place of {@code end_user_location}. */
  private static final Map<String, CallField> COMMENT_ALIASES =
      Map.of("location", END_USER_LOCATION);

  private final String wireName;
  private final String label;
  private final FieldType type;

  // Both are unmodifiable (an unmodifiable EnumSet, a List.of or List.copyOf); the JDK has no
  // immutable collection type to declare them with, which is what the check asks for.
  @SuppressWarnings("ImmutableEnumChecker")
  private final Set<Flag> flags;

  @SuppressWarnings("ImmutableEnumChecker")
  private final List<String> allowedValues;

  private final int maxLength;
  private final @Nullable Reference reference;
  private final Section section;

  CallField(FieldType type, Section section, Option... options) {
    this.section = section;
    this.wireName = name().toLowerCase(Locale.ROOT);
    String spaced = wireName.replace('_', ' ');
    this.label = Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    this.type = type;
    Set<Flag> flags = EnumSet.noneOf(Flag.class);
    List<String> allowed = List.of();
    int max = Limits.STRING;
    @Nullable Reference ref = null;
    for (Option option : options) {
      if (option instanceof Flag flag) {
        flags.add(flag);
      } else if (option instanceof AllowedValues a) {
        allowed = a.values();
      } else if (option instanceof MaxLength m) {
        max = m.characters();
      } else if (option instanceof RefersTo r) {
        ref = r.reference();
      }
    }
    this.flags = Collections.unmodifiableSet(flags);
    this.allowedValues = allowed;
    this.maxLength = max;
    this.reference = ref;
  }

  /** The field's key in JSON and its column name. */
  public String wireName() {
    return wireName;
  }

  /** The field name made readable, as voice comments and error messages show it. */
  public String label() {
    return label;
  }

  public FieldType type() {
    return type;
  }

  /** The section of a voice comment that shows this field. */
  public Section section() {
    return section;
  }

  public boolean is(Flag flag) {
    return flags.contains(flag);
  }

  public boolean isMandatory() {
    return is(Flag.MANDATORY);
  }

  /** Values an {@link FieldType#ENUM} field accepts; empty for other types. */
  public List<String> allowedValues() {
    return allowedValues;
  }

  /** The longest string value accepted, in characters. */
  public int maxLength() {
    return maxLength;
  }

  /** The kind of record this id field must name, if it names one. */
  public Optional<Reference> reference() {
    return Optional.ofNullable(reference);
  }

  /** Whether a voice comment may display this field: the mandatory ones and the valid list. */
  public boolean isDisplayable() {
    return is(Flag.MANDATORY) || is(Flag.COMMENT);
  }

  /** The field of this JSON key, if it is one. */
  public static Optional<CallField> byName(String wireName) {
    return Optional.ofNullable(BY_NAME.get(wireName));
  }

  /** The displayable field a voice comment's {@code call_fields} entry names, aliases included. */
  public static Optional<CallField> displayable(String name) {
    CallField field = COMMENT_ALIASES.getOrDefault(name, BY_NAME.get(name));
    return field != null && field.isDisplayable() ? Optional.of(field) : Optional.empty();
  }

  /** The fields a client may write, in catalogue order. */
  public static List<CallField> writable() {
    return Arrays.stream(values()).filter(f -> !f.is(Flag.SERVER)).toList();
  }

  /** The mandatory fields in catalogue order: what a voice comment shows without call_fields. */
  public static List<CallField> mandatory() {
    return Arrays.stream(values()).filter(CallField::isMandatory).toList();
  }
}
