package dev.dialtone.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The one rule for every URL a request sends (a call's {@code recording_url}, a voice ticket's): an
 * absolute {@code http} or {@code https} URL naming a host. Such values end up as links and audio
 * sources in the agent console, so {@code javascript:}, {@code data:}, {@code file:} and relative
 * references are refused, and so are user names and passwords before the host, which browsers
 * refuse to load and which would put a secret on a page.
 */
final class HttpUrl {
  /** What a field error says of a value that breaks the rule, wherever it is read. */
  public static final String NOT_A_URL = "is not an absolute http or https URL";

  private HttpUrl() {}

  /** Whether {@code text} follows the rule, exactly as sent (no spaces around it). */
  public static boolean isValid(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      return false; // spaces, control characters, backslashes, bad escapes
    }
    String scheme = uri.getScheme();
    int port = uri.getPort();
    return scheme != null
        && (scheme.toLowerCase(Locale.ROOT).equals("http")
            || scheme.toLowerCase(Locale.ROOT).equals("https"))
        // A host only when the authority parses as host[:port]: "http:x", "http:///x" and
        // "http://x:99999" have none.
        && uri.getHost() != null
        && !uri.getHost().isEmpty()
        && uri.getRawUserInfo() == null
        && (port == -1 || (port >= 1 && port <= 65_535));
  }
}
