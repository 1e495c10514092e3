package dev.dialtone.auth;

import dev.dialtone.account.Role;

/** Who may use a route. */
public enum Access {
  /** Anyone, unauthenticated: health checks. */
  PUBLIC,
  /** Any active user of the account: {@code /users/me}. */
  USER,
  /** Agents and admins: every TPE and Support endpoint. */
  AGENT,
  /** Admins: creating brands, organizations and API tokens. */
  ADMIN;

  /** Whether a user of this role may use a route of this access. */
  public boolean allows(Role role) {
    return switch (this) {
      case PUBLIC, USER -> true;
      case AGENT -> role.isStaff();
      case ADMIN -> role == Role.ADMIN;
    };
  }
}
