package dev.dialtone.ticket;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Zendesk's {@code metadata} object of a comment or an audit. Dialtone records neither the client,
 * address and place a change came from ({@code system}) nor custom data (no route sets it), so it
 * is always the empty pair.
 */
public final class Metadata {
  private Metadata() {}

  public static Map<String, Object> none() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("system", Map.of());
    metadata.put("custom", Map.of());
    return metadata;
  }
}
