package dev.dialtone.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.Api;
import dev.dialtone.testing.Browser;
import dev.dialtone.testing.BrowserTest;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The agent console on two nodes of one PostgreSQL: a session made on one node signs the browser in
 * on the other, and a screen pop asked of one node reaches the browser on the other.
 */
@BrowserTest
class MultiNodeConsoleTest {
  @TempDir static Path dirA;
  @TempDir static Path dirB;
  @TempDir static Path browserDir;
  static TestServer nodeA;
  static TestServer nodeB;
  static Api apiB;
  static long adminId;

  @BeforeAll
  static void start() {
    nodeA = TestServer.startOnPostgres(dirA);
    nodeB = nodeA.secondNode(dirB);
    apiB = nodeB.admin();
    adminId = apiB.get("/api/v2/users/me").json().get("user").get("id").asLong();
  }

  @AfterAll
  static void stop() {
    nodeB.close();
    nodeA.close();
  }

  @Test
  void aPopAskedOfNodeB_opensTheTicketInTheBrowserOnNodeA() {
    long ticketId =
        apiB.post(
                "/api/v2/calls",
                dev.dialtone.testing.Json.json(
                    "{'call': {'app_id': 1, 'call_started_at': '2022-01-27T15:31:40Z',"
                        + " 'direction': 'inbound', 'from_line': '+16617480123',"
                        + " 'to_line': '+16617480124'}, 'comment': {'title': 'Call'}}"))
            .json()
            .at("/call/ticket_id")
            .asLong();
    try (Browser browser = Browser.start(nodeA, browserDir)) {
      browser.signInAsAdmin().waitForPath("/agent/tickets");
      browser.waitFor(
          driver ->
              "open".equals(driver.findElement(By.tagName("html")).getDomAttribute("data-events")));

      Response displayed =
          apiB.post(
              "/api/v2/channels/voice/agents/" + adminId + "/tickets/" + ticketId + "/display",
              null);

      assertThat(displayed.status()).as(displayed.toString()).isEqualTo(200);
      browser.waitForPath("/agent/tickets/" + ticketId);
      browser.screenshot("screen-pop-across-nodes");
    }
  }
}
