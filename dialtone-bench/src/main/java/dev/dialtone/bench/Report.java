package dev.dialtone.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Everything one run of the harness measured: printed as a table, written as JSON and SVG. */
final class Report {
  /** One scenario on one target: its peak (closed loop) and its latency at half that rate. */
  record Row(
      String target,
      String scenario,
      LoadGenerator.Measurement peak,
      LoadGenerator.@Nullable Measurement halfPeak) {}

  /** Per target: milliseconds from process start to its first 201, and RSS after the mix. */
  record Startup(String target, double firstCreatedMillis, double rssAfterMixMib) {}

  /** A database's durable write rate, one ~1 KB row per transaction. */
  record RawWrite(String database, LoadGenerator.Measurement measurement) {}

  record Settings(
      int connections, int calls, double durationSeconds, int runs, String serverCores) {}

  private final Settings settings;
  private final List<Row> rows = new ArrayList<>();
  private final List<Startup> processes = new ArrayList<>();
  private final List<RawWrite> rawWrites = new ArrayList<>();

  Report(Settings settings) {
    this.settings = settings;
  }

  void add(Row row) {
    rows.add(row);
  }

  void add(Startup process) {
    processes.add(process);
  }

  void add(RawWrite rawWrite) {
    rawWrites.add(rawWrite);
  }

  String table() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%-18s %-28s %10s %8s %8s %9s %14s %7s%n",
            "target",
            "scenario",
            "req/s",
            "p50 ms",
            "p99 ms",
            "p99.9 ms",
            "p99 @ half ms",
            "errors"));
    for (Row row : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-18s %-28s %10.0f %8.2f %8.2f %9.2f %14s %7d%n",
              row.target(),
              row.scenario(),
              row.peak().throughput(),
              row.peak().p50(),
              row.peak().p99(),
              row.peak().p999(),
              row.halfPeak() == null
                  ? "-"
                  : String.format(Locale.ROOT, "%.2f", row.halfPeak().p99()),
              row.peak().errors() + (row.halfPeak() == null ? 0 : row.halfPeak().errors())));
    }
    out.append(
        String.format(
            Locale.ROOT, "%n%-18s %20s %16s%n", "target", "start to 201 ms", "RSS after mix MiB"));
    for (Startup p : processes) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-18s %20.0f %16.0f%n",
              p.target(),
              p.firstCreatedMillis(),
              p.rssAfterMixMib()));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%n%-18s %14s %8s %8s %9s%n",
            "raw write",
            "commits/s",
            "p50 ms",
            "p99 ms",
            "p99.9 ms"));
    for (RawWrite w : rawWrites) {
      LoadGenerator.Measurement m = w.measurement();
      out.append(
          String.format(
              Locale.ROOT,
              "%-18s %14.0f %8.2f %8.2f %9.2f%n",
              w.database(),
              m.throughput(),
              m.p50(),
              m.p99(),
              m.p999()));
    }
    return out.toString();
  }

  void writeJson(Path file) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("settings", settings);
    root.put("scenarios", rows);
    root.put("processes", processes);
    root.put("raw_writes", rawWrites);
    try {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Peak throughput per scenario, one bar per target, on a log scale: the bare handler and WireMock
   * answer an order of magnitude faster than a durable write, and a linear axis would flatten
   * Dialtone's bars to nothing.
   */
  void writeSvg(Path file) {
    List<String> targets = rows.stream().map(Row::target).distinct().toList();
    List<String> scenarios = rows.stream().map(Row::scenario).distinct().toList();
    String[] colours = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};
    double max = rows.stream().mapToDouble(r -> r.peak().throughput()).max().orElse(1);
    double top = Math.pow(10, Math.ceil(Math.log10(Math.max(10, max))));
    int left = 200;
    int plotWidth = 600;
    int bar = 12;
    int groupHeight = bar * targets.size() + 14;
    int height = 60 + groupHeight * scenarios.size() + 20 * targets.size() + 20;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"11\">%n",
            left + plotWidth + 80,
            height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(
        "<text x=\"10\" y=\"18\" font-size=\"14\">Peak throughput, requests per second (log"
            + " scale), median of runs</text>\n");
    int plotTop = 40;
    int plotBottom = plotTop + groupHeight * scenarios.size();
    for (double tick = 1; tick <= top; tick *= 10) {
      double x = left + plotWidth * Math.log10(tick) / Math.log10(top);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                  + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,.0f</text>%n",
              x,
              plotTop,
              x,
              plotBottom,
              x,
              plotBottom + 14,
              tick));
    }
    for (int s = 0; s < scenarios.size(); s++) {
      int groupTop = plotTop + s * groupHeight;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
              left - 6,
              groupTop + groupHeight / 2 + 4,
              escape(scenarios.get(s))));
      for (int t = 0; t < targets.size(); t++) {
        String scenario = scenarios.get(s);
        String target = targets.get(t);
        double value =
            rows.stream()
                .filter(r -> r.scenario().equals(scenario) && r.target().equals(target))
                .mapToDouble(r -> r.peak().throughput())
                .findFirst()
                .orElse(0);
        double width = value < 1 ? 0 : plotWidth * Math.log10(value) / Math.log10(top);
        int y = groupTop + 7 + t * bar;
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
                    + "<text x=\"%.1f\" y=\"%d\">%,.0f</text>%n",
                left,
                y,
                width,
                bar - 2,
                colours[t % colours.length],
                left + width + 4,
                y + bar - 3,
                value));
      }
    }
    for (int t = 0; t < targets.size(); t++) {
      int y = plotBottom + 34 + t * 20;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                  + "<text x=\"%d\" y=\"%d\">%s</text>%n",
              left,
              y - 10,
              colours[t % colours.length],
              left + 18,
              y,
              escape(targets.get(t))));
    }
    svg.append("</svg>\n");
    try {
      Files.writeString(file, svg, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
