package dev.dialtone.comment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.dialtone.http.Json;
import dev.dialtone.ticket.Comment;
import dev.dialtone.ticket.CommentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommentJsonTest {
  static Comment voice(String data) {
    return new Comment(
        7,
        1,
        2,
        3,
        CommentType.VOICE,
        4,
        false,
        "Voicemail from +1 (661) 748-0123",
        null,
        null,
        List.of(),
        null,
        data,
        Instant.parse("2022-01-27T14:31:40.123Z"));
  }

  @Test
  void voiceComment_showsItsStoredDataWithFormattedLines() {
    Map<String, Object> json =
        rendered(
            voice(
                "{\"from\":\"+16617480123\",\"to\":\"+14948848487\",\"call_duration\":42,"
                    + "\"transcription_text\":\"Please call back\"}"));

    assertThat(json.get("type")).isEqualTo("VoiceComment");
    assertThat(json.get("formatted_from")).isEqualTo("+1 (661) 748-0123");
    assertThat(json.get("formatted_to")).isEqualTo("+1 (494) 884-8487");
    assertThat(json.get("transcription_visible")).isEqualTo(true);
    assertThat(json.get("trusted")).isEqualTo(true);
    assertThat(((Map<?, ?>) json.get("data")).get("call_duration").toString()).isEqualTo("42");
    assertThat(json.get("html_body"))
        .isEqualTo(
            "<div class=\"zd-comment\" dir=\"auto\"><p dir=\"auto\">Voicemail from +1 (661)"
                + " 748-0123</p>\n</div>");
    assertThat(json.get("created_at")).isEqualTo("2022-01-27T14:31:40Z");
  }

  @Test
  void voiceComment_withUnreadableData_stillRenders() {
    Map<String, Object> json = rendered(voice("{not json"));

    assertThat(json.get("data")).isEqualTo(Map.of());
    assertThat(json.get("formatted_from")).isEqualTo("Unknown");
    assertThat(json.get("transcription_visible")).isEqualTo(false);
  }

  /** The comment as the mapper writes it, read back as a JSON object. */
  private static Map<String, Object> rendered(Comment comment) {
    return Json.mapper().convertValue(CommentJson.render(comment, null), new TypeReference<>() {});
  }
}
