package dev.dialtone.brand;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A brand of an account; every account has a default one. */
public record Brand(
    long id,
    long accountId,
    String name,
    @Nullable String subdomain,
    Instant createdAt,
    Instant updatedAt) {}
