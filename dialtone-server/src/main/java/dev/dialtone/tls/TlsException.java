package dev.dialtone.tls;

/** TLS cannot be set up as configured; the message says what to fix. */
final class TlsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TlsException(String message) {
    super(message);
  }

  TlsException(String message, Throwable cause) {
    super(message, cause);
  }
}
