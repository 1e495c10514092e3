package dev.dialtone.console;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One call: every field of the catalogue an agent may read, in the catalogue's order. */
public record CallView(Shell shell, long id, String heading, List<Field> fields) {

  /**
   * One field of the call.
   *
   * @param value the value as an agent reads it; empty when the field is
   * @param href where the value links to (the record it refers to), or null
   * @param block whether the value is long text shown as a block (a transcript)
   */
  public record Field(
      String name, String label, String value, @Nullable String href, boolean block) {
    public boolean empty() {
      return value.isEmpty();
    }
  }
}
