package dev.dialtone.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A tenant: Zendesk's {@code {subdomain}.zendesk.com}. Every record belongs to exactly one.
 *
 * @param rateLimitSupport the account's own support limit per minute; null means the server's
 *     setting, 0 no limit
 * @param rateLimitTalk the account's own Talk limit per 5 minutes; null means the server's setting,
 *     0 no limit
 */
public record Account(
    long id,
    String subdomain,
    String name,
    @Nullable Long defaultBrandId,
    boolean tpeCommentsPublic,
    Instant createdAt,
    @Nullable Integer rateLimitSupport,
    @Nullable Integer rateLimitTalk) {}
