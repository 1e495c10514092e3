package dev.dialtone.console;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The users page of an admin: the account's agents and admins, the form that adds one, and what the
 * last form did or why it was refused.
 */
public record UserAdmin(
    Shell shell,
    List<Row> rows,
    @Nullable String notice,
    List<String> errors,
    NewUser form,
    List<TicketList.Option> roles,
    String passwordRules) {

  /** One agent or admin; {@code self} is the admin looking, who cannot suspend themselves. */
  public record Row(
      long id,
      String name,
      String email,
      String role,
      boolean suspended,
      boolean self,
      String created) {}

  /** What the add form shows: empty, or what was typed into a refused one (never the password). */
  public record NewUser(String name, String email) {}
}
