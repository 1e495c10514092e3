package dev.dialtone.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a {@link BrowserTest} class before its {@code @BeforeAll} methods run (no server is
 * started) when Chromium or its driver is missing. The banner is loud on purpose: a skipped browser
 * suite must not pass unnoticed.
 */
public final class BrowserInstalled implements BeforeAllCallback {
  static final String MESSAGE =
      "BROWSER TESTS SKIPPED: chromium/chromedriver not found at "
          + Browser.CHROMIUM
          + " and "
          + Browser.CHROMEDRIVER
          + "; install Debian's chromium and chromium-driver";

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!Browser.installed()) {
      System.err.println();
      System.err.println("*".repeat(MESSAGE.length() + 8));
      System.err.println("*** " + MESSAGE + " ***");
      System.err.println("*** (" + context.getDisplayName() + ")");
      System.err.println("*".repeat(MESSAGE.length() + 8));
      System.err.println();
    }
    Assumptions.assumeTrue(Browser.installed(), MESSAGE);
  }
}
