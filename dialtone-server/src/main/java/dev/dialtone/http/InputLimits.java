package dev.dialtone.http;

import dev.dialtone.api.CallField;

/**
 * The limits request input is read against, each declared once. Call fields carry their own in
 * {@link CallField}; these are the rest, and the default string limit is the catalogue's.
 */
public final class InputLimits {
  /** Any string that docs/api.md gives no other limit, in characters. */
  public static final int TEXT = CallField.Limits.STRING;

  /** A URL sent outside the call object (a voice ticket's recording), as long as a call's. */
  public static final int URL = CallField.Limits.URL;

  /** A transcription sent outside the call object, as long as a call's transcript. */
  public static final int TRANSCRIPT = CallField.Limits.TRANSCRIPT;

  /** Zendesk's comments hold up to 64 KB; counting characters keeps the rule simple. */
  public static final int COMMENT_BODY = 65_536;

  /** Entries of a ticket's {@code tags}. */
  public static final int TAGS = 100;

  /** Entries of a voice comment's {@code call_fields}. */
  public static final int CALL_FIELDS = 100;

  /** Entries of an OAuth token's {@code scopes}. */
  public static final int SCOPES = 50;

  /**
   * A password sent to be checked rather than set: generous, so a wrong one is "incorrect" rather
   * than "too long".
   */
  public static final int PREVIOUS_PASSWORD = 1_024;

  /** The largest rate limit an account may be given: far beyond any real need, within an int. */
  public static final int RATE_LIMIT = 1_000_000_000;

  private InputLimits() {}
}
