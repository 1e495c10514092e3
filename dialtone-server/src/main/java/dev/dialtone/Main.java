package dev.dialtone;

import dev.dialtone.account.AccountSetup;
import dev.dialtone.config.Config;
import dev.dialtone.config.ConfigException;
import dev.dialtone.config.ConfigLoader;
import java.util.List;

/** Starts Dialtone from environment variables and flags; SIGTERM stops it cleanly. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.print(ConfigLoader.usage());
      return;
    }
    Config config;
    try {
      config = ConfigLoader.load(System.getenv(), List.of(args));
    } catch (ConfigException e) {
      System.err.println("dialtone: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.out.println("Dialtone starting with:\n" + ConfigLoader.describe(config));
    DialtoneServer server = DialtoneServer.create(config).start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dialtone-shutdown"));
    AccountSetup.Created created = server.firstStart();
    if (created != null) {
      System.out.println(
          "Created account '"
              + created.account().subdomain()
              + "' with admin "
              + created.admin().email()
              + (config.adminPassword() == null ? "\n  password:  " + created.password() : "")
              + (config.adminToken() == null ? "\n  API token: " + created.apiToken() : "")
              + (config.adminPassword() == null || config.adminToken() == null
                  ? "\n  (shown once: keep them)"
                  : ""));
    }
    System.out.println("Dialtone listening on http://localhost:" + server.port() + "/api/v2/calls");
  }
}
