package dev.dialtone.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of every call route's success: {@code {"call": {…}}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallEnvelope(@JsonProperty("call") Call call) {}
