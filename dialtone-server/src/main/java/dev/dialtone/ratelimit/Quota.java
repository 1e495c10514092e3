package dev.dialtone.ratelimit;

/**
 * Where an account stands in one bucket's current window, as the rate-limit headers show it.
 *
 * @param limit requests the window allows
 * @param remaining requests left in the window after this one
 * @param resetSeconds whole seconds until the window ends, at least 1
 * @param allowed whether this request may run
 */
public record Quota(int limit, long remaining, long resetSeconds, boolean allowed) {}
