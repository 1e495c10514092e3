package dev.dialtone.api;

import java.time.Instant;

/** The JSON type of a call field and the rule its values follow. */
public enum FieldType {
  /** A JSON integer greater than zero naming a record. */
  ID(Long.class),
  /** A JSON integer that is zero or more: durations in seconds and counts. */
  COUNT(Long.class),
  /** {@code true} or {@code false}. */
  BOOLEAN(Boolean.class),
  /** A JSON string. */
  STRING(String.class),
  /**
   * A JSON string holding an absolute {@code http} or {@code https} URL with a host: agents open it
   * as a link or play it as audio.
   */
  URL(String.class),
  /** A JSON string that must be one of the field's allowed values. */
  ENUM(String.class),
  /** An ISO 8601 date-time, rendered in UTC with second precision. */
  TIMESTAMP(Instant.class);

  private final Class<?> javaType;

  FieldType(Class<?> javaType) {
    this.javaType = javaType;
  }

  /** The class a value of this type has in a {@link Call}: Long, Boolean, String or Instant. */
  public Class<?> javaType() {
    return javaType;
  }

  /** Whether values of this type travel as JSON integers. */
  public boolean isInteger() {
    return this == ID || this == COUNT;
  }
}
