package dev.dialtone.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dialtone.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every curl example of the README's walk-through, in order, against a fresh server, so the
 * README never tells a user something Dialtone does not do. An example is a {@code sh} block whose
 * first line is {@code # expect STATUS} or {@code # expect STATUS containing TEXT}.
 */
class ReadmeExamplesTest {
  private static final Pattern BLOCK = Pattern.compile("```sh\\n(# expect .*?)```", Pattern.DOTALL);
  private static final Pattern EXPECT = Pattern.compile("# expect (\\d{3})(?: containing (.*))?");

  @TempDir Path dataDir;

  record Example(int status, String containing, String command) {}

  @Test
  void everyWalkThroughExample_answersAsTheReadmeSays() throws Exception {
    assumeTrue(hasCurl(), "curl is not installed");
    List<Example> examples = examples(Files.readString(Path.of("..", "README.md")));
    assertThat(examples).hasSizeGreaterThan(10);

    try (TestServer server = TestServer.start(dataDir)) {
      for (Example example : examples) {
        String command =
            example.command().replace("localhost:8080", "localhost:" + server.port()).strip();
        String[] result = run(command + " -s -w '\\n%{http_code}'");
        assertThat(Integer.parseInt(result[1]))
            .as("status of:\n%s\nbody: %s", command, result[0])
            .isEqualTo(example.status());
        if (example.containing() != null) {
          assertThat(result[0]).as("body of:\n%s", command).contains(example.containing());
        }
      }
    }
  }

  static List<Example> examples(String readme) {
    List<Example> examples = new ArrayList<>();
    Matcher block = BLOCK.matcher(readme);
    while (block.find()) {
      String text = block.group(1);
      int newline = text.indexOf('\n');
      Matcher expect = EXPECT.matcher(text.substring(0, newline).strip());
      if (!expect.matches()) {
        throw new IllegalStateException("unreadable expectation: " + text.substring(0, newline));
      }
      examples.add(
          new Example(
              Integer.parseInt(expect.group(1)), expect.group(2), text.substring(newline + 1)));
    }
    return examples;
  }

  /** Runs a shell command with the README's variables set; returns its body and status. */
  private static String[] run(String command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", command);
    builder.environment().put("TOKEN", TestServer.ADMIN_TOKEN);
    builder.environment().put("PASSWORD", TestServer.ADMIN_PASSWORD);
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    int lastNewline = output.lastIndexOf('\n');
    return new String[] {
      output.substring(0, Math.max(lastNewline, 0)), output.substring(lastNewline + 1)
    };
  }

  private static boolean hasCurl() {
    try {
      return new ProcessBuilder("curl", "--version").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
