package dev.dialtone.http;

/**
 * HTML escaping for comment bodies. A line break becomes {@code <br>} followed by the line break
 * itself, as Zendesk writes it, so the markup matches Zendesk's byte for byte.
 */
public final class Html {
  private Html() {}

  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\n' -> out.append("<br>\n");
        case '\r' -> {}
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
