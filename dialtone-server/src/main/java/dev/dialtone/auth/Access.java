package dev.dialtone.auth;

/** Who may use a route. */
public enum Access {
  /** Anyone, unauthenticated: health checks. */
  PUBLIC,
  /** Any active user of the account: {@code /users/me}. */
  USER,
  /** Agents and admins: every TPE and Support endpoint. */
  AGENT,
  /** Admins: creating brands, organizations and API tokens. */
  ADMIN
}
