package dev.dialtone.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that drives a real Chromium ({@link Browser}). Where Debian's {@code chromium}
 * and {@code chromium-driver} are not installed, the whole class is skipped, with a banner on
 * stderr and as a failed assumption, so the build's summary counts its tests as skipped and never
 * as passed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@ExtendWith(BrowserInstalled.class)
public @interface BrowserTest {}
