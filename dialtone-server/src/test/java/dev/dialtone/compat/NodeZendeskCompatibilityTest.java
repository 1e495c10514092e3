package dev.dialtone.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialtone.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives Dialtone with node-zendesk 6.0.1, the npm client for Zendesk, on the machine's Node.js:
 * {@code src/test/node/compat.mjs} uses the client's methods and its generic {@code request} and
 * {@code patch} helpers as an integration would, and fails on the first answer that differs from
 * Zendesk's. The README's Node.js snippet runs too, as written. Without {@code node} or the
 * installed package the class is skipped, loudly, never passed.
 */
class NodeZendeskCompatibilityTest {
  private static final Path PROJECT = Path.of("src", "test", "node");

  @BeforeAll
  static void needsNode() {
    NodeInstalled.assume(PROJECT);
  }

  @Test
  void nodeZendeskDrivesEveryOperation(@TempDir Path dir, @TempDir Path limitedDir)
      throws Exception {
    try (TestServer server = TestServer.start(dir);
        // A few requests per window in either budget, for the client's view of a 429.
        TestServer limited =
            TestServer.start(
                limitedDir, Clock.systemUTC(), config -> config.withRateLimits(3, 3))) {
      Run run =
          node(
              List.of("compat.mjs"),
              Map.of(
                  "DIALTONE_URL", "http://localhost:" + server.port(),
                  "DIALTONE_EMAIL", TestServer.ADMIN_EMAIL,
                  "DIALTONE_TOKEN", TestServer.ADMIN_TOKEN,
                  "DIALTONE_PASSWORD", TestServer.ADMIN_PASSWORD,
                  "DIALTONE_LIMITED_URL", "http://localhost:" + limited.port()));
      assertThat(run.exitCode())
          .as("node compat.mjs exit code; its output:\n%s", run.output())
          .isZero();
      assertThat(run.output()).contains("checks passed");
    }
  }

  @Test
  void theReadmeSnippetRunsAsWritten(@TempDir Path dir) throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    String section = readme.substring(readme.indexOf("### Node.js: node-zendesk"));
    section = section.substring(0, section.indexOf("\n### ", 1));
    Matcher block = Pattern.compile("```js\n(.*?)```", Pattern.DOTALL).matcher(section);
    assertThat(block.find()).as("a ```js block under ### Node.js: node-zendesk").isTrue();
    String snippet = block.group(1);
    Matcher printed = Pattern.compile("// prints (.+)").matcher(snippet);
    assertThat(printed.find()).as("the snippet says what it prints: // prints …").isTrue();
    try (TestServer server = TestServer.start(dir)) {
      // The snippet is an ES module that imports node-zendesk from the project's node_modules.
      String code =
          snippet
              .lines()
              .filter(line -> !line.startsWith("npm "))
              .map(
                  line ->
                      line.replace("http://localhost:8080", "http://localhost:" + server.port()))
              .reduce("", (all, line) -> all + line + "\n");
      Run run =
          node(List.of("--input-type=module", "-e", code), Map.of("TOKEN", TestServer.ADMIN_TOKEN));
      assertThat(run.exitCode()).as("the README's snippet; its output:\n%s", run.output()).isZero();
      assertThat(run.output().strip()).isEqualTo(printed.group(1).strip());
    }
  }

  private record Run(int exitCode, String output) {}

  /** Runs node in the Node project with these arguments and variables, echoing its output. */
  private static Run node(List<String> arguments, Map<String, String> env)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("node");
    command.addAll(arguments);
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    StringBuilder output = new StringBuilder();
    try (var lines = process.inputReader(StandardCharsets.UTF_8)) {
      String line;
      while ((line = lines.readLine()) != null) {
        System.out.println("[node] " + line);
        output.append(line).append('\n');
      }
    }
    return new Run(process.waitFor(), output.toString());
  }
}
