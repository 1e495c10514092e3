package dev.dialtone.call;

import dev.dialtone.account.User;
import dev.dialtone.account.UserStore;
import dev.dialtone.api.CallField;
import dev.dialtone.api.FieldErrorCode;
import dev.dialtone.brand.BrandStore;
import dev.dialtone.http.FieldErrors;
import dev.dialtone.organization.OrganizationStore;
import dev.dialtone.store.Tx;
import dev.dialtone.ticket.TicketStore;
import java.util.Map;

/** Checks that a call's id fields name records of the same account (docs/api.md). */
public final class CallReferences {
  private final UserStore users;
  private final BrandStore brands;
  private final OrganizationStore organizations;
  private final TicketStore tickets;

  public CallReferences(
      UserStore users, BrandStore brands, OrganizationStore organizations, TicketStore tickets) {
    this.users = users;
    this.brands = brands;
    this.organizations = organizations;
    this.tickets = tickets;
  }

  void check(Tx tx, long accountId, Map<CallField, Object> values, FieldErrors errors) {
    values.forEach(
        (field, value) -> {
          if (value == null || field.reference().isEmpty()) {
            return;
          }
          long id = (Long) value;
          String problem =
              switch (field.reference().get()) {
                case AGENT ->
                    users
                            .find(tx, accountId, id)
                            .map(User::role)
                            .filter(r -> r.isStaff())
                            .isPresent()
                        ? null
                        : "does not name an agent of this account";
                case USER ->
                    users.find(tx, accountId, id).isPresent()
                        ? null
                        : "does not name a user of this account";
                case BRAND ->
                    brands.find(tx, accountId, id).isPresent()
                        ? null
                        : "does not name a brand of this account";
                case ORGANIZATION ->
                    organizations.find(tx, accountId, id).isPresent()
                        ? null
                        : "does not name an organization of this account";
                case TICKET ->
                    tickets.find(tx, accountId, id).isPresent()
                        ? null
                        : "does not name a ticket of this account";
              };
          if (problem != null) {
            errors.add(field.wireName(), field.label(), FieldErrorCode.InvalidValue, problem);
          }
        });
  }
}
