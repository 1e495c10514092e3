package dev.dialtone.api;

/**
 * One entry of a 422's {@code details}: {@code {"description":"Label: message","error":"Code"}}.
 */
public record FieldError(String description, FieldErrorCode error) {}
