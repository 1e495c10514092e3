package dev.dialtone.console;

/** A page that says what went wrong and where to go from there. */
public record ErrorPageModel(
    Shell shell, String title, String message, String linkPath, String linkLabel) {}
