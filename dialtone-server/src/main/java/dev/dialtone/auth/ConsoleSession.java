package dev.dialtone.auth;

import java.time.Instant;

/**
 * A signed-in browser of the agent console.
 *
 * @param id the SHA-256 of the cookie's token, never the token itself
 * @param csrfToken what every form and state-changing request of this session must carry
 */
public record ConsoleSession(
    String id, Principal principal, String csrfToken, Instant seenAt, Instant expiresAt) {}
