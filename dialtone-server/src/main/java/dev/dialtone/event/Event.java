package dev.dialtone.event;

/**
 * Something that happened in one account and that browsers may need to hear of, such as a screen
 * pop for an agent. The payload is a small JSON document.
 */
public record Event(long accountId, String type, String payload) {}
