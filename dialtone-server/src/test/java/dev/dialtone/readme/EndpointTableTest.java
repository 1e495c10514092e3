package dev.dialtone.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.auth.Access;
import dev.dialtone.ratelimit.Bucket;
import dev.dialtone.route.Route;
import dev.dialtone.route.RouteTable;
import dev.dialtone.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's endpoint table is the server's route table: a route added, renamed or changed in
 * access, budget or idempotency without the README (or the other way round) fails here, and {@code
 * target/endpoints.md} holds the table to paste.
 */
class EndpointTableTest {
  static final String START = "<!-- endpoints: generated from the route table -->";
  static final String END = "<!-- endpoints: end -->";

  @TempDir Path dataDir;

  @Test
  void readmeEndpointTable_isTheRouteTable() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    String expected;
    try (TestServer server = TestServer.start(dataDir)) {
      expected = table(server.routes());
    }

    // The table to paste, when the README is behind.
    Files.writeString(Path.of("target", "endpoints.md"), expected + "\n");
    assertThat(readme).contains(START).contains(END);
    String actual =
        readme.substring(readme.indexOf(START) + START.length(), readme.indexOf(END)).strip();
    assertThat(actual)
        .as("the README's endpoint table, between %s and %s", START, END)
        .isEqualTo(expected);
  }

  static String table(RouteTable routes) {
    String header =
        "| Endpoint | Route | Who | Rate limit | `Idempotency-Key` | What it does |\n"
            + "|---|---|---|---|---|---|\n";
    return header
        + routes.routes().stream()
            .filter(route -> route.surface() == Route.Surface.API)
            .map(EndpointTableTest::row)
            .collect(Collectors.joining("\n"))
        + "\n\nThe agent console's pages sign in with its session cookie, spend no API budget,"
        + " and every POST carries the session's CSRF token:\n\n"
        + "| Page | Route | Who | What it does |\n"
        + "|---|---|---|---|\n"
        + routes.routes().stream()
            .filter(route -> route.surface() == Route.Surface.CONSOLE)
            .map(EndpointTableTest::consoleRow)
            .collect(Collectors.joining("\n"));
  }

  private static String consoleRow(Route route) {
    return "| `"
        + route.method()
        + " "
        + route.path()
        + "`"
        + (route.kind() == Route.Kind.STREAM ? " (events)" : "")
        + " | `"
        + route.name()
        + "` | "
        + who(route.access())
        + " | "
        + route.summary()
        + " |";
  }

  private static String row(Route route) {
    return "| `"
        + route.method()
        + " "
        + route.path()
        + "`"
        + (route.kind() == Route.Kind.STREAM ? " (events)" : "")
        + " | `"
        + route.name()
        + "` | "
        + who(route.access())
        + " | "
        + budget(route.bucket())
        + " | "
        + (route.idempotent() ? "honoured" : "")
        + " | "
        + route.summary()
        + " |";
  }

  private static String who(Access access) {
    return switch (access) {
      case PUBLIC -> "anyone";
      case USER -> "signed-in users";
      case AGENT -> "agents";
      case ADMIN -> "admins";
    };
  }

  private static String budget(Bucket bucket) {
    if (bucket == null) {
      return "none";
    }
    return switch (bucket) {
      case SUPPORT -> "support";
      case TALK -> "Talk";
    };
  }
}
