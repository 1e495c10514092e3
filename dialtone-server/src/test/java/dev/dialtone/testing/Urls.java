package dev.dialtone.testing;

import java.util.List;

/** Values for URL fields: every reader of one must accept the first list and refuse the second. */
public final class Urls {
  private Urls() {}

  /** Absolute http and https URLs with a host, in forms integrations send. */
  public static final List<String> ACCEPTED =
      List.of(
          "http://external.site.com/recordings/abcdef",
          "https://pbx.example.com/rec/1.mp3?token=a%20b&x=1#t=10",
          "HTTPS://PBX.EXAMPLE.COM/1.MP3",
          "http://127.0.0.1:8080/recordings/1",
          "http://[::1]/recordings/1",
          "https://xn--bcher-kva.example/1.mp3",
          "https://pbx.example.com");

  /** Other schemes, relative references and malformed URLs: each is refused. */
  public static final List<String> REFUSED =
      List.of(
          "javascript:alert(1)",
          "JavaScript:alert(document.cookie)//https://pbx.example.com/",
          "vbscript:msgbox(1)",
          "data:text/html,<script>alert(1)</script>",
          "data:audio/mpeg;base64,SUQzBAAAAAAAI1RTU0UAAAAPAAADTGF2ZjU4LjI5LjEwMAAAAAAAAAAAAAAA",
          "file:///etc/passwd",
          "ftp://pbx.example.com/1.mp3",
          "blob:https://pbx.example.com/0b1c",
          "mailto:calls@example.com",
          "//evil.example.com/1.mp3",
          "/recordings/1.mp3",
          "recordings/1.mp3",
          "http:evil.example.com/1.mp3",
          "https:///1.mp3",
          "http://",
          "https://user:secret@pbx.example.com/1.mp3",
          "https://pbx.example.com@evil.example.com/1.mp3",
          "http://pbx.example.com:99999/1.mp3",
          "http://pbx.example.com:0/1.mp3",
          " https://pbx.example.com/1.mp3",
          "https://pbx.example.com/1.mp3 ",
          "https://pbx.example.com/a b.mp3",
          "https://pbx.example.com/\u0007.mp3",
          "java\tscript:alert(1)",
          "http:\\\\evil.example.com\\1.mp3",
          "https://pbx.example.com/%zz",
          "https://bücher.example/1.mp3");
}
