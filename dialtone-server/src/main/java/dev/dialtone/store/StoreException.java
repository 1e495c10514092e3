package dev.dialtone.store;

/** The database failed or is unreachable: not the client's fault, so never a 4xx. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
