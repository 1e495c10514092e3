package dev.dialtone.user;

import dev.dialtone.account.Role;
import dev.dialtone.account.User;
import dev.dialtone.account.UserStore;
import dev.dialtone.api.FieldErrorCode;
import dev.dialtone.auth.Secrets;
import dev.dialtone.http.ApiException;
import dev.dialtone.http.CredentialRules;
import dev.dialtone.http.FieldErrors;
import dev.dialtone.http.InputLimits;
import dev.dialtone.http.InputObject;
import dev.dialtone.organization.OrganizationStore;
import dev.dialtone.store.Database;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The rules for making users, setting their passwords and suspending them, applied alike by the
 * users API and the console's admin pages: both hand their input over as an {@link InputObject},
 * and a refusal is the same 422 (or 403, or 404) whichever asked.
 */
public final class UserAccounts {
  static final List<String> ROLES = Arrays.stream(Role.values()).map(Role::wireName).toList();

  private final Database database;
  private final UserStore users;
  private final OrganizationStore organizations;
  private final Clock clock;

  public UserAccounts(
      Database database, UserStore users, OrganizationStore organizations, Clock clock) {
    this.database = database;
    this.users = users;
    this.organizations = organizations;
    this.clock = clock;
  }

  /**
   * A new user of the account made by {@code creator}: {@code name}, {@code email}, {@code phone},
   * {@code role} and {@code organization_id}, and with {@code withPassword} an optional initial
   * {@code password}. Agents may add end users only. The keys nobody read go to {@code ignored}
   * before anything is refused, so a 422 names them too.
   */
  public User create(
      long accountId,
      User creator,
      InputObject input,
      FieldErrors errors,
      boolean withPassword,
      Consumer<Collection<String>> ignored) {
    String name = input.requiredText("name", "Name", InputLimits.TEXT);
    String email = blankToNull(input.text("email", "Email", InputLimits.TEXT));
    if (email != null && !CredentialRules.isEmail(email)) {
      input.add("email", "Email", FieldErrorCode.InvalidFormat, CredentialRules.NOT_AN_EMAIL);
      email = null;
    }
    String phone = blankToNull(input.text("phone", "Phone", InputLimits.TEXT));
    String roleName = input.oneOf("role", "Role", ROLES);
    Long organizationId = input.id("organization_id", "Organization");
    String password = null;
    if (withPassword) {
      password = blankToNull(input.text("password", "Password", CredentialRules.PASSWORD_MAX));
      if (password != null) {
        checkPassword(input, password);
      }
    }
    ignored.accept(input.unknownKeys());
    Role role = roleName == null ? Role.END_USER : Role.byWireName(roleName).orElseThrow();
    // Zendesk lets agents add end users only; staff is the admins' business.
    if (role.isStaff() && creator.role() != Role.ADMIN) {
      throw ApiException.forbidden();
    }
    // Hashing is slow on purpose: done before the transaction, and only for input that can pass.
    String hash = password == null || !errors.isEmpty() ? null : Secrets.hashPassword(password);
    String newEmail = email;
    return database.write(
        tx -> {
          if (newEmail != null && users.findByEmail(tx, accountId, newEmail).isPresent()) {
            input.add(
                "email",
                "Email",
                FieldErrorCode.InvalidValue,
                "is already being used by another user");
          }
          if (organizationId != null
              && organizations.find(tx, accountId, organizationId).isEmpty()) {
            input.add(
                "organization_id",
                "Organization",
                FieldErrorCode.InvalidValue,
                "does not name an organization of this account");
          }
          errors.throwIfAny();
          return users.insert(
              tx,
              accountId,
              new UserStore.NewUser(
                  Objects.requireNonNull(name), // required: throwIfAny() above
                  newEmail,
                  phone,
                  role,
                  organizationId,
                  hash),
              clock.instant());
        });
  }

  /**
   * Zendesk's "Update User": the keys {@link #create} reads, only those sent change ({@code null}
   * clears {@code email}, {@code phone} and {@code organization_id}). As in Zendesk, an agent
   * updates end users only and cannot make anyone staff; an admin updates anyone. Nobody changes
   * their own role, so that an account cannot lose its last admin by its own hand. 404 for a user
   * of another account, or a deleted one.
   */
  public User update(
      long accountId,
      User actor,
      long userId,
      InputObject input,
      FieldErrors errors,
      Consumer<Collection<String>> ignored) {
    boolean sentName = input.has("name");
    String name = sentName ? input.requiredText("name", "Name", InputLimits.TEXT) : null;
    boolean sentEmail = input.has("email");
    String email = blankToNull(input.text("email", "Email", InputLimits.TEXT));
    if (email != null && !CredentialRules.isEmail(email)) {
      input.add("email", "Email", FieldErrorCode.InvalidFormat, CredentialRules.NOT_AN_EMAIL);
      email = null;
    }
    boolean sentPhone = input.has("phone");
    String phone = blankToNull(input.text("phone", "Phone", InputLimits.TEXT));
    String roleName = input.oneOf("role", "Role", ROLES);
    boolean sentOrganization = input.has("organization_id");
    Long organizationId = input.id("organization_id", "Organization");
    ignored.accept(input.unknownKeys());
    Role newRole = roleName == null ? null : Role.byWireName(roleName).orElseThrow();
    String newEmail = email;
    return database.write(
        tx -> {
          User stored =
              users
                  .find(tx, accountId, userId)
                  .filter(User::active)
                  .orElseThrow(ApiException::notFound);
          // Zendesk: agents update end users (and themselves); staff is the admins' business.
          if (actor.role() != Role.ADMIN
              && ((stored.role().isStaff() && stored.id() != actor.id())
                  || (newRole != null && newRole.isStaff() && newRole != stored.role()))) {
            throw ApiException.forbidden();
          }
          if (newRole != null && newRole != stored.role() && stored.id() == actor.id()) {
            input.add(
                "role",
                "Role",
                FieldErrorCode.InvalidValue,
                "you cannot change your own role: another admin can");
          }
          if (newEmail != null
              && users
                  .findByEmail(tx, accountId, newEmail)
                  .filter(other -> other.id() != stored.id())
                  .isPresent()) {
            input.add(
                "email",
                "Email",
                FieldErrorCode.InvalidValue,
                "is already being used by another user");
          }
          if (organizationId != null
              && organizations.find(tx, accountId, organizationId).isEmpty()) {
            input.add(
                "organization_id",
                "Organization",
                FieldErrorCode.InvalidValue,
                "does not name an organization of this account");
          }
          errors.throwIfAny();
          UserStore.Changes changes =
              new UserStore.Changes(
                  sentName ? Objects.requireNonNull(name) : stored.name(), // throwIfAny() above
                  sentEmail ? newEmail : stored.email(),
                  sentPhone ? phone : stored.phone(),
                  newRole == null ? stored.role() : newRole,
                  sentOrganization ? organizationId : stored.organizationId());
          users.update(tx, accountId, userId, changes, clock.instant());
          return users.find(tx, accountId, userId).orElseThrow(ApiException::notFound);
        });
  }

  /**
   * Zendesk's "Delete User": the user stays, inactive (see {@link UserStore#markDeleted}); their
   * tickets and calls keep naming them. Admins only, and nobody deletes themselves (as with
   * suspension). 404 for a user of another account, or one already deleted.
   */
  public User delete(long accountId, User actor, long userId) {
    if (actor.id() == userId) {
      throw ApiException.invalid(
          "id",
          "User",
          FieldErrorCode.InvalidValue,
          "you cannot delete yourself: another admin can");
    }
    return database.write(
        tx -> {
          if (!users.markDeleted(tx, accountId, userId, clock.instant())) {
            throw ApiException.notFound();
          }
          return users.find(tx, accountId, userId).orElseThrow(ApiException::notFound);
        });
  }

  /**
   * Zendesk's "Set a User's Password": an admin sets anyone's {@code password} without knowing the
   * old one; 404 when the account has no such user.
   */
  public void setPassword(
      long accountId,
      long userId,
      InputObject input,
      FieldErrors errors,
      Consumer<Collection<String>> ignored) {
    String password = newPassword(input);
    ignored.accept(input.unknownKeys());
    errors.throwIfAny();
    String hash = Secrets.hashPassword(Objects.requireNonNull(password)); // throwIfAny() above
    boolean found =
        database.write(tx -> users.setPasswordHash(tx, accountId, userId, hash, clock.instant()));
    if (!found) {
      throw ApiException.notFound();
    }
  }

  /**
   * Suspends a user, or reactivates one: a suspended user signs in nowhere, and their console
   * sessions stop working at once. Nobody suspends themselves: that would leave an admin locked out
   * by their own hand, perhaps the account's last one.
   */
  public User setSuspended(long accountId, User actor, long userId, boolean suspended) {
    if (suspended && actor.id() == userId) {
      throw ApiException.invalid(
          "suspended",
          "Suspended",
          FieldErrorCode.InvalidValue,
          "you cannot suspend yourself: another admin can");
    }
    return database.write(
        tx -> {
          if (!users.setSuspended(tx, accountId, userId, suspended, clock.instant())) {
            throw ApiException.notFound();
          }
          return users.find(tx, accountId, userId).orElseThrow(ApiException::notFound);
        });
  }

  /** The {@code password} key, checked against the one password rule. */
  static @Nullable String newPassword(InputObject input) {
    String password = input.requiredText("password", "Password", CredentialRules.PASSWORD_MAX);
    if (password != null) {
      checkPassword(input, password);
    }
    return password;
  }

  private static void checkPassword(InputObject input, String password) {
    String problem = CredentialRules.passwordProblem(password);
    if (problem != null) {
      input.add("password", "Password", FieldErrorCode.InvalidValue, problem);
    }
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
