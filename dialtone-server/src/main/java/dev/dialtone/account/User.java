package dev.dialtone.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A person of one account: an end user who calls, or an agent or admin who answers.
 *
 * @param hasPassword whether the user can sign in with a password (the hash itself stays in {@link
 *     UserStore})
 * @param active false once deleted: Zendesk keeps deleted users, so tickets and calls still name
 *     them, but they sign in nowhere and lists leave them out
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
    boolean active,
    Instant createdAt,
    Instant updatedAt) {}
