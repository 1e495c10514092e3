package dev.dialtone.call;

import dev.dialtone.api.CallField;
import dev.dialtone.api.Timestamps;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** The call object on the wire (docs/api.md): every field, nulls included, keys sorted. */
public final class CallJson {
  private CallJson() {}

  public static Map<String, Object> render(Call call) {
    Map<String, Object> json = new TreeMap<>();
    for (CallField field : CallField.values()) {
      json.put(field.wireName(), wireValue(call.value(field)));
    }
    return json;
  }

  /** A stored value as JSON shows it: timestamps as UTC strings, the rest as they are. */
  public static @Nullable Object wireValue(@Nullable Object value) {
    return value instanceof Instant instant ? Timestamps.render(instant) : value;
  }
}
