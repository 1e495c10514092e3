package dev.dialtone.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A person of one account: an end user who calls, or an agent or admin who answers. {@code
 * hasPassword} says whether the user can sign in with a password (the hash itself stays in {@link
 * UserStore}).
 */
public record User(
    long id,
    long accountId,
    String name,
    @Nullable String email,
    @Nullable String phone,
    Role role,
    @Nullable Long organizationId,
    boolean suspended,
    boolean hasPassword,
    Instant createdAt,
    Instant updatedAt) {}
