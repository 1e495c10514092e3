package dev.dialtone.route;

import dev.dialtone.http.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Names the body keys Dialtone did not read, in {@code X-Dialtone-Ignored-Fields} and in Zendesk's
 * own {@code X-Zendesk-API-Warn}. Inside the idempotency step, so that a replay repeats them.
 */
final class IgnoredKeys implements Step {
  /** A body may carry thousands of unknown keys; the header names the first few. */
  private static final int MAX_SHOWN = 20;

  @Override
  public boolean appliesTo(Route route) {
    return route.kind() == Route.Kind.API && route.surface() == Route.Surface.API;
  }

  @Override
  public @Nullable Reply apply(ApiRequest request, Chain next) {
    Reply reply = next.proceed();
    if (reply == null || request.ignoredKeys().isEmpty()) {
      return reply;
    }
    List<String> keys =
        request.ignoredKeys().stream().limit(MAX_SHOWN).map(IgnoredKeys::headerSafe).toList();
    return reply
        .withHeader("X-Dialtone-Ignored-Fields", String.join(",", keys))
        .withHeader("X-Zendesk-API-Warn", zendeskWarning(keys));
  }

  /**
   * Zendesk's wording: {@code Removed restricted keys ["a", "b"] from parameters according to
   * whitelist}, the names as JSON strings (header-safe keys need no escaping).
   */
  static String zendeskWarning(List<String> keys) {
    String names = keys.stream().map(key -> "\"" + key + "\"").collect(Collectors.joining(", "));
    return "Removed restricted keys [" + names + "] from parameters according to whitelist";
  }

  /**
   * A key as it can travel in a header: keys are client text, so anything but plain ASCII letters,
   * digits and {@code _.-~} is percent-encoded (UTF-8), and very long keys are cut.
   */
  static String headerSafe(String key) {
    StringBuilder safe = new StringBuilder();
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '.'
          || c == '-'
          || c == '~') {
        safe.append(c);
      } else {
        safe.append('%').append(String.format("%02X", b & 0xff));
      }
      if (safe.length() > 100) {
        return safe.append("...").toString();
      }
    }
    return safe.toString();
  }
}
