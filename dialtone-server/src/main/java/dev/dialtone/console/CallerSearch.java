package dev.dialtone.console;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The callers search: the query and the users it found. */
public record CallerSearch(
    Shell shell, String query, boolean searched, List<Row> rows, @Nullable String notice) {

  /** One user found. */
  public record Row(long id, String name, String email, String phone, String role) {}
}
