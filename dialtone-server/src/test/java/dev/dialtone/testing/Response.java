package dev.dialtone.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;

/** A response as a test reads it. */
public record Response(int status, String body, HttpHeaders headers) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public JsonNode json() {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON (status " + status + "): " + body, e);
    }
  }

  /** The Content-Type's media type, lowercase, without parameters. */
  public String mediaType() {
    String type = header("Content-Type");
    return type == null ? null : type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
  }

  /** The Content-Type's charset parameter, lowercase; null when there is none. */
  public String charset() {
    String type = header("Content-Type");
    if (type == null) {
      return null;
    }
    for (String parameter : type.split(";")) {
      String[] pair = parameter.strip().split("=", 2);
      if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
        return pair[1].strip().replace("\"", "").toLowerCase(java.util.Locale.ROOT);
      }
    }
    return null;
  }

  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
