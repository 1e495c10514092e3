package dev.dialtone.route;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every route of the server, in the order they are matched (a fixed path such as {@code /users/me}
 * before {@code /users/{user_id}}). Names are unique, and so are method and path.
 */
public record RouteTable(List<Route> routes) {
  public RouteTable {
    routes = List.copyOf(routes);
    Set<String> names = new HashSet<>();
    Set<String> endpoints = new HashSet<>();
    for (Route route : routes) {
      if (!names.add(route.name())) {
        throw new IllegalArgumentException("two routes are named " + route.name());
      }
      if (!endpoints.add(route.method() + " " + route.path())) {
        throw new IllegalArgumentException(
            "two routes answer " + route.method() + " " + route.path());
      }
      if (route.summary().isBlank()) {
        throw new IllegalArgumentException(route.name() + " has no summary");
      }
    }
  }
}
