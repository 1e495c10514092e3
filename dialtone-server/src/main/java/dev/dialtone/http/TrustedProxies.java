package dev.dialtone.http;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The proxies whose {@code X-Forwarded-For} Dialtone believes, as CIDR ranges, and the rule that
 * finds a request's client address from them. The client address is what the sign-in throttle
 * counts by, and what an access log should show.
 *
 * <p>The rule: a peer outside the ranges is the client, whatever it sends. From a trusted peer, the
 * header's addresses are read from the right (the hop nearest Dialtone first), skipping trusted
 * ones; the first untrusted address is the client. When the walk runs out first, because every
 * address is trusted or an entry is not an IP address, the client is the last address it reached:
 * the leftmost of an all-trusted chain, or the peer when there is no header. Nothing left of a
 * malformed entry is believed, since no trusted proxy wrote it.
 */
public final class TrustedProxies {
  /** Trusts nobody: every request's client is its TCP peer. */
  public static final TrustedProxies NONE = new TrustedProxies(List.of(), "");

  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

  private final List<Range> ranges;
  private final String text;

  // Never compared or hashed, so the array's identity equals() does no harm.
  @SuppressWarnings("ArrayRecordComponent")
  private record Range(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        if (bitAt(address, bit) != bitAt(network, bit)) {
          return false;
        }
      }
      return true;
    }
  }

  private TrustedProxies(List<Range> ranges, String text) {
    this.ranges = List.copyOf(ranges);
    this.text = text;
  }

  /**
   * Reads a comma-separated list of CIDR ranges ({@code 10.0.0.0/8, ::1/128}); a bare address is a
   * range of one. Blank means {@link #NONE}.
   *
   * @throws IllegalArgumentException naming the first entry that is not a CIDR range
   */
  public static TrustedProxies parse(String list) {
    List<Range> ranges = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    for (String raw : list.split(",", -1)) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        if (list.isBlank()) {
          continue;
        }
        throw new IllegalArgumentException("has an empty entry");
      }
      ranges.add(range(entry));
      shown.add(entry);
    }
    return ranges.isEmpty() ? NONE : new TrustedProxies(ranges, String.join(",", shown));
  }

  private static Range range(String entry) {
    int slash = entry.indexOf('/');
    String addressText = slash < 0 ? entry : entry.substring(0, slash);
    InetAddress address = literal(addressText);
    if (address == null) {
      throw notCidr(entry);
    }
    byte[] bytes = address.getAddress();
    int bits = bytes.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String prefixText = entry.substring(slash + 1);
      if (!prefixText.matches("\\d{1,3}")) {
        throw notCidr(entry);
      }
      prefix = Integer.parseInt(prefixText);
      // ::ffff:10.0.0.0/104 is read as the IPv4 address it maps, so its prefix is 96 bits shorter.
      if (address instanceof Inet4Address && addressText.contains(":")) {
        prefix -= 96;
      }
      if (prefix < 0 || prefix > bits) {
        throw notCidr(entry);
      }
    }
    for (int bit = prefix; bit < bits; bit++) {
      if (bitAt(bytes, bit) != 0) {
        // 10.0.0.1/8 is most likely a mistyped /32: refuse it rather than trust a whole network.
        throw new IllegalArgumentException(
            "entry '" + entry + "' has address bits set beyond its /" + prefix + " prefix");
      }
    }
    return new Range(bytes, prefix);
  }

  private static IllegalArgumentException notCidr(String entry) {
    return new IllegalArgumentException(
        "entry '" + entry + "' is not an IPv4 or IPv6 CIDR range such as 10.0.0.0/8 or fd00::/8");
  }

  /** Whether no proxy is trusted (the default): every request's client is then its TCP peer. */
  public boolean trustsNone() {
    return ranges.isEmpty();
  }

  /**
   * The client address of a request from {@code peer} carrying these {@code X-Forwarded-For} header
   * values, in the order received (several headers read as one comma-joined list).
   */
  public String source(String peer, List<String> forwardedFor) {
    InetAddress peerAddress = address(peer);
    if (peerAddress == null) {
      return peer;
    }
    String client = peerAddress.getHostAddress();
    if (!trusts(peerAddress)) {
      return client;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String hop : header.split(",", -1)) {
        hops.add(hop);
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      InetAddress hop = address(hops.get(i));
      if (hop == null) {
        return client;
      }
      client = hop.getHostAddress();
      if (!trusts(hop)) {
        return client;
      }
    }
    return client;
  }

  /** Whether the address lies in one of the ranges. */
  boolean trusts(InetAddress address) {
    byte[] bytes = address.getAddress();
    return ranges.stream().anyMatch(r -> r.contains(bytes));
  }

  /** The ranges as configured, for the settings printed at start; blank for none. */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TrustedProxies that && that.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /**
   * One hop as proxies write it: an IPv4 or IPv6 address, IPv6 optionally in brackets, either
   * optionally with a port; null for anything else. IPv4-mapped IPv6 reads as IPv4.
   */
  static @Nullable InetAddress address(String hop) {
    String text = hop.strip();
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0 || !(close == text.length() - 1 || isPort(text.substring(close + 1)))) {
        return null;
      }
      text = text.substring(1, close);
      return text.contains(":") ? literal(text) : null;
    }
    int colon = text.indexOf(':');
    if (colon >= 0 && colon == text.lastIndexOf(':') && isPort(text.substring(colon))) {
      text = text.substring(0, colon);
      return IPV4.matcher(text).matches() ? literal(text) : null;
    }
    return literal(text);
  }

  private static boolean isPort(String text) {
    return text.matches(":\\d{1,5}") && Integer.parseInt(text.substring(1)) <= 65_535;
  }

  /** An address literal, never a name: nothing here may cause a DNS lookup. */
  private static @Nullable InetAddress literal(String text) {
    try {
      if (IPV4.matcher(text).matches()) {
        return InetAddress.getByName(text);
      }
      // An IPv6 address has at least two colons; "1.2.3.4:" is neither kind.
      if (text.indexOf(':') != text.lastIndexOf(':') && IPV6.matcher(text).matches()) {
        // In brackets the JDK reads IPv6 or fails; it never looks the text up as a host name.
        return InetAddress.getByName("[" + text.toLowerCase(Locale.ROOT) + "]");
      }
    } catch (UnknownHostException e) {
      return null;
    }
    return null;
  }

  private static int bitAt(byte[] bytes, int bit) {
    return (bytes[bit / 8] >> (7 - bit % 8)) & 1;
  }
}
