package dev.dialtone.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's Java snippet is the code {@link ZendeskJavaClientTest#readmeSnippetCreatesATicket}
 * runs: editing one without the other fails here.
 */
class ReadmeJavaSnippetTest {
  private static final String BEGIN = "// README:java-client begin";
  private static final String END = "// README:java-client end";

  @Test
  void theReadmeJavaSnippetIsTheOneTheSuiteRuns() throws IOException {
    String readme = Files.readString(root().resolve("README.md"));
    int section = readme.indexOf("### Java: zendesk-java-client");
    assertThat(section).as("the README's Java client section").isNotNegative();
    int open = readme.indexOf("```java\n", section);
    int close = readme.indexOf("\n```", open + 1);
    assertThat(open).as("a ```java block in the section").isNotNegative();
    String snippet = readme.substring(open + "```java\n".length(), close);

    String source =
        Files.readString(
            root()
                .resolve(
                    "dialtone-server/src/test/java/dev/dialtone/compat/ZendeskJavaClientTest.java"));
    int begin = source.indexOf(BEGIN);
    int end = source.indexOf(END);
    assertThat(begin).as("the begin marker").isNotNegative();
    assertThat(end).as("the end marker").isGreaterThan(begin);
    String region = source.substring(source.indexOf('\n', begin) + 1, end);

    assertThat(dedent(snippet)).isEqualTo(dedent(region));
  }

  /** The lines without their common indentation (the test's region sits inside a method). */
  private static String dedent(String text) {
    String[] lines = text.stripTrailing().split("\n");
    int indent =
        Arrays.stream(lines)
            .filter(line -> !line.isBlank())
            .mapToInt(line -> line.length() - line.stripLeading().length())
            .min()
            .orElse(0);
    return Arrays.stream(lines)
        .map(line -> line.isBlank() ? "" : line.substring(indent).stripTrailing())
        .collect(Collectors.joining("\n"));
  }

  private static Path root() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("README.md")) ? here : here.getParent();
  }
}
