package dev.dialtone.tls;

/** TLS cannot be set up as configured; the message says what to fix. */
final class TlsException extends RuntimeException {
  TlsException(String message) {
    super(message);
  }

  TlsException(String message, Throwable cause) {
    super(message, cause);
  }
}
