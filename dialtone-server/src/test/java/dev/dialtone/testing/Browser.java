package dev.dialtone.testing;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium on the agent console of a {@link TestServer}: Debian's {@code chromium}
 * driven by its own {@code chromedriver}, each browser with a fresh profile of its own, so two
 * agents can be signed in side by side. Nothing is ever downloaded: the driver's path is given,
 * which keeps Selenium Manager out of it. Test classes that use it are annotated {@link
 * BrowserTest}, which skips them loudly where Chromium is not installed.
 *
 * <p>Waiting is always for something the page shows ({@link #waitFor}, {@link #waitForPath}); the
 * time limit only ends a test that would otherwise hang.
 */
public final class Browser implements AutoCloseable {
  /** Debian's Chromium; elsewhere, {@code -Ddialtone.test.chromium=PATH}. */
  public static final Path CHROMIUM =
      Path.of(System.getProperty("dialtone.test.chromium", "/usr/bin/chromium"));

  /** Debian's chromium-driver; elsewhere, {@code -Ddialtone.test.chromedriver=PATH}. */
  public static final Path CHROMEDRIVER =
      Path.of(System.getProperty("dialtone.test.chromedriver", "/usr/bin/chromedriver"));

  /** How long a wait may last before the test fails: long, as CI machines can be slow. */
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private static final List<String> FLAGS =
      List.of(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--window-size=1366,900");

  private final String origin;
  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final List<LogEntry> log = new ArrayList<>();

  private Browser(String origin, ChromeDriver driver) {
    this.origin = origin;
    this.driver = driver;
    this.wait = new WebDriverWait(driver, PATIENCE);
  }

  /** Whether Chromium and its driver are where {@link #start} looks for them. */
  public static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** A new browser on {@code server}, its profile in a new directory under {@code tempDir}. */
  public static Browser start(TestServer server, Path tempDir) {
    return start(server.port(), tempDir);
  }

  /** A new browser on the server at this port of 127.0.0.1. */
  public static Browser start(int port, Path tempDir) {
    Path profile;
    try {
      profile = Files.createTempDirectory(tempDir, "chromium-profile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(FLAGS);
    options.addArguments("--user-data-dir=" + profile.toAbsolutePath());
    // The console log is how a test sees what the page's Content-Security-Policy refused.
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new Browser("http://127.0.0.1:" + port, new ChromeDriver(service, options));
  }

  /** The driver itself, for what this helper does not cover. */
  public ChromeDriver driver() {
    return driver;
  }

  /** Loads a page of the server, e.g. {@code open("/agent/tickets")}. */
  public Browser open(String path) {
    driver.get(origin + path);
    return this;
  }

  /**
   * Fills in the sign-in form with a user's email and password and sends it, as a person would;
   * returns once the browser has left the form's page (for the next page, or the form again with an
   * error).
   */
  public Browser signIn(String email, String password) {
    open("/agent/sign-in");
    WebElement emailField = find(By.id("email"));
    emailField.clear();
    emailField.sendKeys(email);
    find(By.id("password")).sendKeys(password);
    WebElement button = find(By.cssSelector("form[action='/agent/sign-in'] button[type=submit]"));
    return leavingThePage(button::click);
  }

  /** Signs in as the test server's admin and waits for the ticket list. */
  public Browser signInAsAdmin() {
    signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    return waitForPath("/agent/tickets");
  }

  /** Presses the header's "Sign out" button and waits for the sign-in form. */
  public Browser signOut() {
    WebElement button = find(By.cssSelector("header form[action='/agent/sign-out'] button"));
    return leavingThePage(button::click).waitForPath("/agent/sign-in");
  }

  /**
   * Does {@code action} (a click on a link or a form's button) and waits until the page it leads to
   * has loaded, even when that page has the same address. The old page is marked with a property of
   * its window, which the next page's window lacks; an element of the old page would not do, as
   * Chromium may answer about it mid-navigation with an error other than "stale".
   */
  public Browser leavingThePage(Runnable action) {
    script("window.dialtoneLeftBehind = true");
    action.run();
    acrossNavigation()
        .until(
            driver ->
                Boolean.TRUE.equals(
                    script(
                        "return window.dialtoneLeftBehind !== true"
                            + " && document.readyState === 'complete'")));
    return this;
  }

  public WebElement find(By by) {
    return driver.findElement(by);
  }

  public List<WebElement> findAll(By by) {
    return driver.findElements(by);
  }

  /** The visible text of the whole page. */
  public String text() {
    return find(By.tagName("body")).getText();
  }

  /** The path of the page shown, without its query, e.g. {@code /agent/tickets}. */
  public String currentPath() {
    return URI.create(driver.getCurrentUrl()).getRawPath();
  }

  /** The path and query of the page shown, e.g. {@code /agent/tickets?status=open}. */
  public String currentPathAndQuery() {
    URI uri = URI.create(driver.getCurrentUrl());
    return uri.getRawQuery() == null
        ? uri.getRawPath()
        : uri.getRawPath() + "?" + uri.getRawQuery();
  }

  /**
   * Waits until the browser shows the page at {@code path} (and, if {@code path} has a query, that
   * query), as after a redirect, a form, or a screen pop.
   */
  public Browser waitForPath(String path) {
    boolean withQuery = path.contains("?");
    acrossNavigation()
        .until(
            driver -> {
              String shown = withQuery ? currentPathAndQuery() : currentPath();
              return path.equals(shown) && "complete".equals(script("return document.readyState"));
            });
    return this;
  }

  /** A wait that asks again when Chromium errs because a page is being replaced. */
  private FluentWait<WebDriver> acrossNavigation() {
    return new WebDriverWait(driver, PATIENCE).ignoring(WebDriverException.class);
  }

  /** Waits until {@code condition} holds, e.g. {@code ExpectedConditions.titleContains(...)}. */
  public <T> T waitFor(ExpectedCondition<T> condition) {
    return wait.until(condition);
  }

  /** Presses Tab once; the element that has the focus then. */
  public WebElement tab() {
    new Actions(driver).sendKeys(Keys.TAB).perform();
    return focused();
  }

  /** The element that has the focus ({@code document.activeElement}). */
  public WebElement focused() {
    return driver.switchTo().activeElement();
  }

  /** Whether the focused element shows a focus ring (an outline or a box shadow). */
  public boolean focusIsVisible() {
    Object visible =
        script(
            "var e = document.activeElement; if (!e || e === document.body) return false;"
                + " var s = getComputedStyle(e);"
                + " return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)"
                + " || (s.boxShadow && s.boxShadow !== 'none');");
    return Boolean.TRUE.equals(visible);
  }

  /** Runs a script in the page and returns its result. */
  public Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /**
   * Everything the page's console has logged since the browser started (Chromium reports each
   * Content-Security-Policy refusal there).
   */
  public List<LogEntry> consoleLog() {
    log.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
    return List.copyOf(log);
  }

  /** The console's messages about something the Content-Security-Policy refused. */
  public List<String> cspViolations() {
    return consoleLog().stream()
        .map(LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
        .toList();
  }

  /**
   * Runs axe-core on the page shown and returns its serious and critical findings, one line each
   * with axe's help text and the elements concerned; every finding, of any impact, is printed.
   */
  public List<String> seriousAccessibilityProblems() {
    Results results = new AxeBuilder().analyze(driver);
    if (results.isErrored()) {
      throw new IllegalStateException("axe-core failed: " + results.getErrorMessage());
    }
    List<String> serious = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      String line =
          rule.getImpact()
              + " "
              + rule.getId()
              + ": "
              + rule.getHelp()
              + " ("
              + rule.getHelpUrl()
              + ") at "
              + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
      System.err.println("axe on " + currentPath() + ": " + line);
      if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
        serious.add(line);
      }
    }
    return serious;
  }

  /** Saves what the window shows as {@code target/screenshots/NAME.png}; returns the file. */
  public Path screenshot(String name) {
    Path dir = Path.of(System.getProperty("basedir", "."), "target", "screenshots");
    Path file = dir.resolve(name.endsWith(".png") ? name : name + ".png");
    try {
      Files.createDirectories(dir);
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
