package dev.dialtone.console;

import static dev.dialtone.testing.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialtone.testing.Browser;
import dev.dialtone.testing.BrowserTest;
import dev.dialtone.testing.Response;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/** The agent console in a real headless Chromium: signing in and out, the ticket list. */
@BrowserTest
class ConsoleBrowserTest {
  static final String SUBJECT = "Printer on fire <script>alert(1)</script>";

  @TempDir static Path dataDir;
  static TestServer server;
  final List<Browser> browsers = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    Response ticket =
        server
            .admin()
            .post(
                "/api/v2/tickets",
                json(
                    "{'ticket':{'subject':'"
                        + SUBJECT
                        + "','comment':{'body':'It smells of toner.'}}}"));
    assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void closeBrowsers() {
    browsers.forEach(Browser::close);
  }

  Browser browser() {
    Browser browser = Browser.start(server, dataDir);
    browsers.add(browser);
    return browser;
  }

  @Test
  void theAdminSignsInThroughTheForm_andLandsOnTheTicketList() {
    Browser browser = browser().open("/agent");
    browser.waitForPath("/agent/sign-in");
    browser.screenshot("sign-in");

    browser.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD).waitForPath("/agent/tickets");
    browser.screenshot("tickets");

    assertThat(browser.driver().getTitle()).isEqualTo("Tickets · Dialtone");
    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Tickets");
    assertThat(browser.find(By.cssSelector("nav a[aria-current=page]")).getText())
        .isEqualTo("Tickets");
    assertThat(browser.find(By.cssSelector("table.list tbody")).getText()).contains(SUBJECT);
    assertThat(browser.find(By.cssSelector("header.top .who")).getText()).contains("Sign out");
  }

  @Test
  void aSubjectWithMarkup_isShownAsText_andRunsNothing() {
    Browser browser = browser().signInAsAdmin();

    assertThat(browser.text()).contains(SUBJECT);
    assertThat(browser.findAll(By.cssSelector("main script"))).isEmpty();
    assertThatThrownBy(() -> browser.driver().switchTo().alert())
        .isInstanceOf(NoAlertPresentException.class);
  }

  @Test
  void signingOut_withTheHeadersButton_leadsToTheSignInForm_andEndsTheSession() {
    Browser browser = browser().signInAsAdmin();

    browser.signOut();

    assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Sign in to Dialtone");
    browser.open("/agent/tickets").waitForPath("/agent/sign-in");
    assertThat(browser.currentPathAndQuery()).isEqualTo("/agent/sign-in?next=%2Fagent%2Ftickets");
  }

  @Test
  void aWrongPassword_showsTheErrorOnTheForm_keepingTheEmail() {
    Browser browser = browser();

    browser.signIn(TestServer.ADMIN_EMAIL, "not the password").waitForPath("/agent/sign-in");

    WebElement error = browser.find(By.id("sign-in-error"));
    assertThat(error.getText())
        .isEqualTo("That email and password do not match an agent or admin of this account.");
    assertThat(error.getAttribute("role")).isEqualTo("alert");
    assertThat(browser.find(By.id("email")).getDomProperty("value"))
        .isEqualTo(TestServer.ADMIN_EMAIL);
    assertThat(browser.find(By.id("password")).getDomProperty("value")).isEmpty();
    browser.screenshot("sign-in-refused");
  }

  @Test
  void tabFromTheTop_reachesSkipToContentFirst_thenTheNavigation_withAVisibleFocus() {
    Browser browser = browser().signInAsAdmin();

    WebElement skip = browser.tab();
    assertThat(skip.getText()).isEqualTo("Skip to content");
    assertThat(skip.getAttribute("href")).endsWith("#main");
    assertThat(browser.focusIsVisible()).as("focus ring on the skip link").isTrue();
    assertThat(skip.getRect().getX()).as("the focused skip link is on screen").isNotNegative();
    assertThat(skip.isDisplayed()).isTrue();
    browser.screenshot("skip-link-focused");

    WebElement brand = browser.tab();
    assertThat(brand.getText()).isEqualTo("Dialtone");
    assertThat(browser.focusIsVisible()).as("focus ring on the brand link").isTrue();

    WebElement firstSection = browser.tab();
    assertThat(firstSection.getText()).isEqualTo("Tickets");
    assertThat(firstSection.findElement(By.xpath("ancestor::nav")).getAttribute("aria-label"))
        .isEqualTo("Sections");
    assertThat(browser.focusIsVisible()).as("focus ring in the navigation").isTrue();
  }

  @Test
  void theSkipLink_movesTheFocusToTheMainContent() {
    Browser browser = browser().signInAsAdmin();

    browser.tab().sendKeys(Keys.ENTER);

    browser.waitFor(driver -> "main".equals(browser.focused().getAttribute("id")));
    assertThat(browser.currentPathAndQuery()).isEqualTo("/agent/tickets");
  }

  @Test
  void theSignInFormAndTheTicketList_haveNoSeriousAccessibilityProblems() {
    Browser browser = browser().open("/agent/sign-in");
    assertThat(browser.seriousAccessibilityProblems()).as("axe on the sign-in form").isEmpty();

    browser.signIn(TestServer.ADMIN_EMAIL, "not the password").waitForPath("/agent/sign-in");
    assertThat(browser.seriousAccessibilityProblems()).as("axe on the refused form").isEmpty();

    browser.signInAsAdmin();
    assertThat(browser.seriousAccessibilityProblems()).as("axe on the ticket list").isEmpty();
  }

  @Test
  void theContentSecurityPolicy_refusesNothingThePagesNeed() {
    Browser browser = browser().open("/agent/sign-in");
    browser.signIn(TestServer.ADMIN_EMAIL, "not the password").waitForPath("/agent/sign-in");
    browser.signInAsAdmin();
    browser.open("/agent/tickets?status=open").waitForPath("/agent/tickets?status=open");
    browser.signOut();

    assertThat(browser.cspViolations()).isEmpty();
    // The page's own style sheet is allowed and applied.
    assertThat(browser.script("return getComputedStyle(document.body).margin")).isEqualTo("0px");
  }

  @Test
  void anInlineScriptThatGotIntoThePage_isRefusedByTheContentSecurityPolicy_andReported() {
    Browser browser = browser().signInAsAdmin();

    browser.script(
        "var s = document.createElement('script'); s.textContent = 'window.injected = true';"
            + " document.body.appendChild(s);");

    assertThat(browser.script("return window.injected === true")).isEqualTo(false);
    browser.waitFor(driver -> !browser.cspViolations().isEmpty());
    assertThat(browser.cspViolations().get(0)).contains("script-src");
  }

  @Test
  void twoBrowsersAtOnce_areTwoAgentsEachSignedInAsThemselves() {
    createAgent("Ada Agent", "ada@example.com", "ada long passphrase 42");
    Browser admin = browser().signInAsAdmin();
    Browser ada = browser();

    ada.signIn("ada@example.com", "ada long passphrase 42").waitForPath("/agent/tickets");

    assertThat(ada.find(By.cssSelector("header.top .who")).getText()).contains("Ada Agent");
    assertThat(admin.open("/agent/tickets").find(By.cssSelector("header.top .who")).getText())
        .doesNotContain("Ada Agent");
    ada.signOut();
    admin.open("/agent/tickets").waitForPath("/agent/tickets");
  }

  static long createAgent(String name, String email, String password) {
    Response created =
        server
            .admin()
            .post(
                "/api/v2/users",
                json("{'user':{'name':'" + name + "','email':'" + email + "','role':'agent'}}"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.json().get("user").get("id").asLong();
    Response set =
        server
            .admin()
            .post("/api/v2/users/" + id + "/password", json("{'password':'" + password + "'}"));
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    return id;
  }
}
