package dev.dialtone.organization;

import java.time.Instant;

/** A company the account's end users belong to. */
record Organization(
    long id,
    long accountId,
    String name,
    String externalId,
    Instant createdAt,
    Instant updatedAt) {}
