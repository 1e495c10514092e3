package dev.dialtone.api;

/** The closed catalogue of error responses (docs/errors.md), with Zendesk's exact strings. */
public enum ErrorCode {
  COULD_NOT_AUTHENTICATE(401, "Couldn't authenticate you"),
  INVALID_TOKEN(401, "invalid_token"),
  FORBIDDEN(403, "Forbidden"),
  RECORD_NOT_FOUND(404, "RecordNotFound"),
  INVALID_ENDPOINT(404, "InvalidEndpoint"),
  INVALID_JSON(400, "InvalidJSON"),
  /** A request Jetty rejects before any route sees it: bad request line, URI or header. */
  BAD_REQUEST(400, "BadRequest"),
  IDEMPOTENT_REQUEST_ERROR(400, "IdempotentRequestError"),
  INVALID_PAGINATION_PARAMETER(400, "InvalidPaginationParameter"),
  CONFLICT(409, "Conflict"),
  REQUEST_TOO_LARGE(413, "RequestTooLarge"),
  URI_TOO_LONG(414, "URITooLong"),
  UNSUPPORTED_MEDIA_TYPE(415, "UnsupportedMediaType"),
  RECORD_INVALID(422, "RecordInvalid"),
  TOO_MANY_REQUESTS(429, "TooManyRequests"),
  REQUEST_HEADER_FIELDS_TOO_LARGE(431, "RequestHeaderFieldsTooLarge"),
  INTERNAL_ERROR(500, "InternalError"),
  SERVICE_UNAVAILABLE(503, "ServiceUnavailable"),
  HTTP_VERSION_NOT_SUPPORTED(505, "HTTPVersionNotSupported");

  private final int status;
  private final String wireName;

  ErrorCode(int status, String wireName) {
    this.status = status;
    this.wireName = wireName;
  }

  public int status() {
    return status;
  }

  /** The value of the body's {@code error} key. */
  public String wireName() {
    return wireName;
  }
}
