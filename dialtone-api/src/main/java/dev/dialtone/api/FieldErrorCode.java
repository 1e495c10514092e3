package dev.dialtone.api;

/** The codes a 422's {@code details} may carry for one field. */
public enum FieldErrorCode {
  BlankValue,
  InvalidValue,
  InvalidType,
  TooLong,
  InvalidFormat,
  NotAllowed
}
