package dev.dialtone.testing;

/** Builds JSON text for request bodies in tests, with single quotes standing for double ones. */
public final class Json {
  private Json() {}

  /** {@code json("{'a':1}")} is {@code {"a":1}}: easier to read in a test than escapes. */
  public static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }
}
