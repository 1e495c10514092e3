package dev.dialtone.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * One answer Dialtone gave to each scenario's request, status and body: WireMock and the bare
 * handler answer with these bytes, so the three targets send bodies of the same size.
 */
final class Samples {
  /** One answer. */
  record Sample(int status, String body) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<Scenario, Sample> answers;

  Samples(Map<Scenario, Sample> answers) {
    this.answers = new EnumMap<>(answers);
  }

  Sample of(Scenario scenario) {
    Sample sample = answers.get(scenario);
    if (sample == null) {
      throw new IllegalStateException("no sample answer for " + scenario);
    }
    return sample;
  }

  void write(Path file) {
    ObjectNode root = JSON.createObjectNode();
    answers.forEach(
        (scenario, sample) ->
            root.putObject(scenario.name())
                .put("status", sample.status())
                .put("body", sample.body()));
    try {
      JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Samples read(Path file) {
    try {
      JsonNode root = JSON.readTree(file.toFile());
      Map<Scenario, Sample> answers = new EnumMap<>(Scenario.class);
      for (Map.Entry<String, JsonNode> entry : root.properties()) {
        answers.put(
            Scenario.valueOf(entry.getKey()),
            new Sample(
                entry.getValue().path("status").asInt(), entry.getValue().path("body").asText()));
      }
      return new Samples(answers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
