package dev.dialtone.account;

import java.util.Arrays;
import java.util.Optional;

/** A user's role, as Zendesk spells it on the wire. */
public enum Role {
  END_USER("end-user"),
  AGENT("agent"),
  ADMIN("admin");

  private final String wireName;

  Role(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Agents and admins work tickets; end users only ask. */
  public boolean isStaff() {
    return this != END_USER;
  }

  public static Optional<Role> byWireName(String name) {
    return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
  }
}
