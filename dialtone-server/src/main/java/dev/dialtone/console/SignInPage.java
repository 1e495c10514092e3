package dev.dialtone.console;

import org.jspecify.annotations.Nullable;

/**
 * The sign-in form.
 *
 * @param formToken the value of the form's own CSRF cookie, which the form sends back
 * @param next where the browser goes once signed in: a console path
 */
public record SignInPage(
    Shell shell,
    String account,
    String formToken,
    String next,
    String email,
    @Nullable String error) {}
