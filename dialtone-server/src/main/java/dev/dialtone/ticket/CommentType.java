package dev.dialtone.ticket;

import dev.dialtone.api.VoiceComment;
import java.util.Arrays;
import java.util.Optional;

/** The kinds of ticket comment Dialtone stores, with Zendesk's {@code type} names. */
public enum CommentType {
  /** A plain text comment. */
  TEXT("Comment"),
  /** A Talk Partner Edition voice comment, showing a call record (docs/api.md). */
  TPE_VOICE(VoiceComment.TYPE),
  /** A voice comment made by {@code POST /api/v2/channels/voice/tickets}, e.g. a voicemail. */
  VOICE("VoiceComment");

  private final String wireName;

  CommentType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<CommentType> byWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
