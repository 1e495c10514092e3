package dev.dialtone.auth;

import java.time.Instant;

/** An account's API token; the token itself is shown once, at creation, and kept as a digest. */
public record ApiToken(
    long id, long accountId, String description, boolean active, Instant createdAt) {}
