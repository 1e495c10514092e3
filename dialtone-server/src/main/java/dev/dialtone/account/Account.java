package dev.dialtone.account;

import java.time.Instant;

/** A tenant: Zendesk's {@code {subdomain}.zendesk.com}. Every record belongs to exactly one. */
public record Account(
    long id,
    String subdomain,
    String name,
    Long defaultBrandId,
    boolean tpeCommentsPublic,
    Instant createdAt) {}
