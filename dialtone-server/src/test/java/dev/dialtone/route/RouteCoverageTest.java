package dev.dialtone.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.RouteHits;
import dev.dialtone.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of the table is exercised by some HTTP-level test: each has answered a 2xx (or opened
 * its stream) to a request the suite sent. Runs after every other class of the test JVM
 * (junit-platform.properties), so run alone it fails: it reads what the whole suite reached.
 */
@Order(Integer.MAX_VALUE)
class RouteCoverageTest {
  @TempDir Path dataDir;

  @Test
  void everyRoute_hasAnsweredARequestOfTheSuite() {
    List<String> routes;
    try (TestServer server = TestServer.start(dataDir)) {
      routes = server.routes().routes().stream().map(Route::name).toList();
    }

    List<String> unexercised =
        routes.stream().filter(name -> !RouteHits.exercised().contains(name)).toList();

    assertThat(unexercised)
        .as("routes whose handler no HTTP-level test of this run reached")
        .isEmpty();
  }
}
