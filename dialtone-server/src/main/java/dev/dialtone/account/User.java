package dev.dialtone.account;

import java.time.Instant;

/** A person of one account: an end user who calls, or an agent or admin who answers. */
public record User(
    long id,
    long accountId,
    String name,
    String email,
    String phone,
    Role role,
    Long organizationId,
    boolean suspended,
    Instant createdAt,
    Instant updatedAt) {}
