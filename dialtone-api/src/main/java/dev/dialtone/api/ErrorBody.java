package dev.dialtone.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of an error response, in the shape Zendesk gives its code (docs/errors.md): most are
 * {@link Described}; a 422 adds the per-field {@code details}; the two 401s and the 403 have shapes
 * of their own.
 */
@JsonDeserialize(using = ErrorBody.Decoder.class)
public sealed interface ErrorBody
    permits ErrorBody.Described,
        ErrorBody.Invalid,
        ErrorBody.Unauthenticated,
        ErrorBody.InvalidToken,
        ErrorBody.Forbidden {

  /** The body for this code: the one place that knows which code takes which shape. */
  static ErrorBody of(ErrorCode code, String description, Map<String, List<FieldError>> details) {
    return switch (code) {
      case COULD_NOT_AUTHENTICATE -> new Unauthenticated(code.wireName());
      case INVALID_TOKEN -> new InvalidToken(code.wireName(), description);
      case FORBIDDEN -> new Forbidden(new Forbidden.Refusal(code.wireName(), description));
      case RECORD_INVALID -> new Invalid(code.wireName(), description, details);
      default -> new Described(code.wireName(), description);
    };
  }

  /** {@code {"error":"RecordNotFound","description":"Not found"}}. */
  @JsonPropertyOrder({"error", "description"})
  record Described(
      @JsonProperty("error") String error, @JsonProperty("description") String description)
      implements ErrorBody {}

  /** A 422 {@code RecordInvalid}: every failing field in {@code details}, in the order found. */
  @JsonPropertyOrder({"error", "description", "details"})
  record Invalid(
      @JsonProperty("error") String error,
      @JsonProperty("description") String description,
      @JsonProperty("details") Map<String, List<FieldError>> details)
      implements ErrorBody {
    public Invalid {
      Map<String, List<FieldError>> copy = new LinkedHashMap<>();
      details.forEach((field, errors) -> copy.put(field, List.copyOf(errors)));
      details = Collections.unmodifiableMap(copy);
    }
  }

  /** Basic authentication refused: {@code {"error":"Couldn't authenticate you"}}. */
  record Unauthenticated(@JsonProperty("error") String error) implements ErrorBody {}

  /** An OAuth token refused, with OAuth's key: {@code {"error","error_description"}}. */
  @JsonPropertyOrder({"error", "error_description"})
  record InvalidToken(
      @JsonProperty("error") String error,
      @JsonProperty("error_description") String errorDescription)
      implements ErrorBody {}

  /** A 403: {@code {"error":{"title":"Forbidden","message":"…"}}}. */
  record Forbidden(@JsonProperty("error") Refusal error) implements ErrorBody {
    @JsonPropertyOrder({"title", "message"})
    public record Refusal(
        @JsonProperty("title") String title, @JsonProperty("message") String message) {}
  }

  /** Tells the shapes apart by their keys, as a client must. */
  final class Decoder extends StdDeserializer<ErrorBody> {
    private static final long serialVersionUID = 1L;

    private static final TypeReference<Map<String, List<FieldError>>> DETAILS =
        new TypeReference<>() {};

    Decoder() {
      super(ErrorBody.class);
    }

    @Override
    public ErrorBody deserialize(JsonParser parser, DeserializationContext ctxt)
        throws IOException {
      JsonNode node = parser.readValueAsTree();
      if (node == null || !node.isObject()) {
        return (ErrorBody) ctxt.handleUnexpectedToken(ErrorBody.class, parser);
      }
      JsonNode error = node.path("error");
      if (error.isObject()) {
        return new Forbidden(
            new Forbidden.Refusal(text(error.path("title")), text(error.path("message"))));
      }
      if (node.has("error_description")) {
        return new InvalidToken(text(error), text(node.path("error_description")));
      }
      if (node.has("details")) {
        Map<String, List<FieldError>> details =
            ctxt.readTreeAsValue(node.get("details"), ctxt.getTypeFactory().constructType(DETAILS));
        return new Invalid(
            text(error), text(node.path("description")), details == null ? Map.of() : details);
      }
      if (node.has("description")) {
        return new Described(text(error), text(node.path("description")));
      }
      return new Unauthenticated(text(error));
    }

    /** A string of the body; "" where the body has none, so a decoded error always reads. */
    private static String text(JsonNode node) {
      return node.isTextual() ? node.textValue() : "";
    }
  }
}
