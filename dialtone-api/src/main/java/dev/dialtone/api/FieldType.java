package dev.dialtone.api;

/** The JSON type of a call field and the rule its values follow. */
public enum FieldType {
  /** A JSON integer greater than zero naming a record. */
  ID,
  /** A JSON integer that is zero or more: durations in seconds and counts. */
  COUNT,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** A JSON string. */
  STRING,
  /**
   * A JSON string holding an absolute {@code http} or {@code https} URL with a host: agents open it
   * as a link or play it as audio.
   */
  URL,
  /** A JSON string that must be one of the field's allowed values. */
  ENUM,
  /** An ISO 8601 date-time, rendered in UTC with second precision. */
  TIMESTAMP;

  /** Whether values of this type travel as JSON integers. */
  public boolean isInteger() {
    return this == ID || this == COUNT;
  }
}
