package dev.dialtone.ticket;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a ticket came in. For voice: {@code via_id} 44 voicemail, 45 inbound, 46 outbound, with the
 * two lines in {@code source}.
 */
/** {@code viaId}, {@code rel} and the phones are null for a ticket that no call made. */
public record Via(
    String channel,
    @Nullable Integer viaId,
    @Nullable String rel,
    @Nullable String fromPhone,
    @Nullable String toPhone) {
  public static final int VOICEMAIL = 44;
  public static final int INBOUND = 45;
  public static final int OUTBOUND = 46;

  /** A ticket made through the API by an integration or agent. */
  public static Via api() {
    return new Via("api", null, null, null, null);
  }

  /** A ticket that a call created; {@code viaId} is one of the voice constants. */
  public static Via voice(int viaId, @Nullable String fromPhone, @Nullable String toPhone) {
    String rel =
        switch (viaId) {
          case VOICEMAIL -> "voicemail";
          case OUTBOUND -> "outbound";
          default -> "inbound";
        };
    return new Via("voice", viaId, rel, fromPhone, toPhone);
  }

  /** Zendesk's {@code via} object. */
  public Map<String, Object> toJson() {
    Map<String, Object> source = new LinkedHashMap<>();
    Map<String, Object> from = new LinkedHashMap<>();
    Map<String, Object> to = new LinkedHashMap<>();
    if (channel.equals("voice")) {
      from.put("phone", fromPhone);
      to.put("phone", toPhone);
    }
    source.put("from", from);
    source.put("to", to);
    source.put("rel", rel);
    Map<String, Object> via = new LinkedHashMap<>();
    via.put("channel", channel);
    via.put("source", source);
    return via;
  }
}
