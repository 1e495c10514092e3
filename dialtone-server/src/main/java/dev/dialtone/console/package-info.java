/**
 * The agent console: the pages agents and admins use in a browser, signed in with a session, and
 * the stream that brings them screen pops. Templates live in {@code src/main/jte}, compiled to Java
 * by the build; scripts and styles in {@code src/main/resources/console}.
 *
 * <p>Non-null by default; {@code @Nullable} marks the exceptions.
 */
@NullMarked
package dev.dialtone.console;

import org.jspecify.annotations.NullMarked;
