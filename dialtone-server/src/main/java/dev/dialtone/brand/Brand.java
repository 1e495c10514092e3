package dev.dialtone.brand;

import java.time.Instant;

/** A brand of an account; every account has a default one. */
public record Brand(
    long id, long accountId, String name, String subdomain, Instant createdAt, Instant updatedAt) {}
