package dev.dialtone.console;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.dialtone.testing.Browser;
import dev.dialtone.testing.BrowserTest;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * A TPE voice comment as an agent sees it in a real Chromium: one line, then its sections, the
 * player of a recording that can be fetched (served here on loopback), the transcript, and the
 * values of the call redrawn as the call changes.
 */
@BrowserTest
class VoiceCommentBrowserTest {
  static final List<String> SECTIONS =
      List.of("call", "queue-and-ivr", "handling-times", "recording-and-consent", "outcome");

  @TempDir static Path dataDir;
  static TestServer server;
  static HttpServer recordings;
  Browser browser;

  @BeforeAll
  static void start() throws IOException {
    server = TestServer.start(dataDir);
    byte[] wav = tone();
    recordings = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    recordings.createContext(
        "/calls/77.wav",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "audio/wav");
          exchange.sendResponseHeaders(200, wav.length);
          exchange.getResponseBody().write(wav);
          exchange.close();
        });
    recordings.start();
  }

  @AfterAll
  static void stop() {
    recordings.stop(0);
    server.close();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  /** One second of a 440 Hz tone, as 8 kHz 16-bit mono PCM in a WAV file. */
  static byte[] tone() {
    int samples = 8000;
    ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    wav.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
    wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1);
    wav.putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
    wav.put("data".getBytes()).putInt(samples * 2);
    for (int i = 0; i < samples; i++) {
      wav.putShort((short) (Math.sin(2 * Math.PI * 440 * i / 8000.0) * 8000));
    }
    return wav.array();
  }

  static String transcript() {
    return IntStream.rangeClosed(1, 30)
        .mapToObj(i -> (i % 2 == 1 ? "Agent: " : "Caller: ") + "line " + i + " of the call")
        .collect(Collectors.joining("\n"));
  }

  /** A call with a voice comment on a new ticket; answers the call's JSON. */
  static Response callWithVoiceComment(String recordingUrl) {
    Response created =
        server
            .admin()
            .post(
                "/api/v2/calls",
                json(
                    "{'call': {'app_id': 735264019863524,"
                        + " 'call_started_at': '2022-01-27T15:31:40+01',"
                        + " 'call_ended_at': '2022-01-27T15:35:47+01', 'direction': 'inbound',"
                        + " 'from_line': '+16617480123', 'to_line': '+14948848487',"
                        + " 'to_line_nickname': 'Support line', 'duration': 247,"
                        + " 'talk_time': 185, 'hold_time': 30, 'queue_name': 'Billing',"
                        + " 'queue_time': 62, 'exceeded_queue_time': false,"
                        + " 'completion_status': 'completed', 'call_disposition': 'resolved',"
                        + " 'call_recording_consent_action': 'accepted',"
                        + " 'recording_url': '"
                        + recordingUrl
                        + "', 'transcript': '"
                        + transcript().replace("\n", "\\n")
                        + "'}, 'comment': {'title': 'Call with Ada', 'call_fields': "
                        + TicketPageTest.ALL_SECTIONS.replace('"', '\'')
                        + "}}"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created;
  }

  WebElement voiceComment() {
    return browser.find(By.cssSelector("details.voice-comment"));
  }

  WebElement section(String id) {
    return voiceComment().findElement(By.cssSelector("details[id$='-" + id + "']"));
  }

  static boolean isOpen(WebElement details) {
    return details.getDomAttribute("open") != null;
  }

  @Test
  void theVoiceComment_opensFromOneLine_intoSectionsThatOpenOneByOne_withPlayerAndTranscript() {
    String recording = "http://127.0.0.1:" + recordings.getAddress().getPort() + "/calls/77.wav";
    long ticketId = callWithVoiceComment(recording).json().at("/call/ticket_id").asLong();
    browser = Browser.start(server, dataDir).signInAsAdmin();
    browser.open("/agent/tickets/" + ticketId);

    WebElement summary = voiceComment().findElement(By.tagName("summary"));
    assertThat(isOpen(voiceComment())).isFalse();
    assertThat(summary.getText())
        .contains("Call with Ada", "→", "Support line", "4:07", "Completed");
    assertThat(summary.findElement(By.cssSelector(".direction")).getDomAttribute("aria-label"))
        .isEqualTo("Inbound call");

    summary.click();
    assertThat(isOpen(voiceComment())).isTrue();
    for (String id : SECTIONS) {
      assertThat(isOpen(section(id))).as(id).isFalse();
    }
    section("queue-and-ivr").findElement(By.tagName("summary")).click();
    assertThat(isOpen(section("queue-and-ivr"))).isTrue();
    assertThat(isOpen(section("handling-times"))).as("sections open one by one").isFalse();
    assertThat(section("queue-and-ivr").getText()).contains("Queue name", "Billing");
    for (String id : SECTIONS) {
      if (!isOpen(section(id))) {
        section(id).findElement(By.tagName("summary")).click();
      }
      assertThat(section(id).findElement(By.tagName("dl")).isDisplayed()).as(id).isTrue();
    }
    assertThat(section("handling-times").getText()).contains("Talk time", "3:05");

    WebElement audio = voiceComment().findElement(By.tagName("audio"));
    browser.waitFor(
        driver ->
            ((Number) browser.script("return arguments[0].readyState;", audio)).intValue() >= 1);
    assertThat(audio.isDisplayed()).as("the player of a recording it could fetch").isTrue();
    assertThat(voiceComment().findElement(By.cssSelector(".unreachable")).isDisplayed()).isFalse();
    assertThat(voiceComment().findElement(By.linkText(recording)).getDomAttribute("href"))
        .isEqualTo(recording);
    WebElement text = voiceComment().findElement(By.cssSelector("pre.transcript"));
    assertThat(text.getText()).contains("Agent: line 1 of the call\nCaller: line 2 of the call");
    assertThat(
            (Boolean)
                browser.script(
                    "return arguments[0].scrollHeight > arguments[0].clientHeight;", text))
        .as("a long transcript scrolls")
        .isTrue();
    // The whole ticket in one picture, for the README.
    browser.driver().manage().window().setSize(new Dimension(1366, 1700));
    browser.script("window.scrollTo(0, 0);");
    browser.screenshot("ticket-voice-comment");
  }

  @Test
  void aChangeToTheCall_redrawsTheOpenComment_withoutAReload_keepingWhatWasOpen() {
    Response created = callWithVoiceComment("http://127.0.0.1:1/calls/none.mp3");
    long callId = created.json().at("/call/id").asLong();
    long ticketId = created.json().at("/call/ticket_id").asLong();
    browser = Browser.start(server, dataDir).signInAsAdmin();
    browser.open("/agent/tickets/" + ticketId);
    ScreenPopBrowserTest.waitForStream(browser);
    voiceComment().findElement(By.tagName("summary")).click();
    section("queue-and-ivr").findElement(By.tagName("summary")).click();
    browser.script("window.dialtoneNotReloaded = true;");

    Response patched =
        server
            .admin()
            .patch("/api/v2/calls/" + callId, json("{'call': {'queue_name': 'Renewals'}}"));

    assertThat(patched.status()).isEqualTo(200);
    browser.waitFor(
        driver -> {
          try {
            return section("queue-and-ivr").getText().contains("Renewals");
          } catch (StaleElementReferenceException replacedJustNow) {
            return false;
          }
        });
    assertThat(browser.script("return window.dialtoneNotReloaded === true;")).isEqualTo(true);
    assertThat(isOpen(voiceComment())).isTrue();
    assertThat(isOpen(section("queue-and-ivr"))).isTrue();
    assertThat(isOpen(section("outcome"))).isFalse();
  }

  @Test
  void aRecordingThatCannotBeFetched_saysSo_andStillShowsItsUrl() {
    String recording = "http://127.0.0.1:1/calls/none.mp3";
    long ticketId = callWithVoiceComment(recording).json().at("/call/ticket_id").asLong();
    browser = Browser.start(server, dataDir).signInAsAdmin();
    browser.open("/agent/tickets/" + ticketId);
    voiceComment().findElement(By.tagName("summary")).click();

    browser.waitFor(
        driver -> voiceComment().findElement(By.cssSelector(".unreachable")).isDisplayed());
    assertThat(voiceComment().findElement(By.tagName("audio")).isDisplayed()).isFalse();
    assertThat(voiceComment().findElement(By.linkText(recording)).isDisplayed()).isTrue();
  }
}
