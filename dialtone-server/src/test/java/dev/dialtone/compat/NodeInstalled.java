package dev.dialtone.compat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether Node.js and the Node project's packages are there. A suite that cannot run is skipped
 * with a banner on stderr and as a failed assumption, so the build counts it as skipped and never
 * as passed.
 */
final class NodeInstalled {
  private NodeInstalled() {}

  static void assume(Path project) {
    String missing = null;
    if (!onPath("node")) {
      missing =
          "NODE.JS SUITE SKIPPED: node not found on PATH; install Debian's nodejs and npm,"
              + " then run: cd dialtone-server/src/test/node && npm ci";
    } else if (!Files.isDirectory(project.resolve("node_modules").resolve("node-zendesk"))) {
      missing =
          "NODE.JS SUITE SKIPPED: node-zendesk is not installed in "
              + project.toAbsolutePath()
              + "; run: cd dialtone-server/src/test/node && npm ci";
    }
    if (missing != null) {
      System.err.println();
      System.err.println("*".repeat(missing.length() + 8));
      System.err.println("*** " + missing + " ***");
      System.err.println("*".repeat(missing.length() + 8));
      System.err.println();
    }
    Assumptions.assumeTrue(missing == null, missing);
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
