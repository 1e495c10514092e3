package dev.dialtone.organization;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A company the account's end users belong to. */
public record Organization(
    long id,
    long accountId,
    String name,
    @Nullable String externalId,
    Instant createdAt,
    Instant updatedAt) {}
