package dev.dialtone.console;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The API tokens page: the account's tokens without their secrets, the form that makes one and, on
 * the page that answers it, the new token's secret, shown this once.
 */
public record TokenAdmin(
    Shell shell,
    List<Row> rows,
    @Nullable String notice,
    List<String> errors,
    @Nullable Created created) {

  public record Row(long id, String description, String created, boolean active) {}

  /** The token just made: its secret is on this page only. */
  public record Created(long id, String description, String secret, String email) {}
}
