package dev.dialtone.testing;

import dev.dialtone.DialtoneServer;
import dev.dialtone.config.Config;
import java.nio.file.Path;

/**
 * A real Dialtone server on a free port, on a real SQLite file in a directory of the test's, with a
 * known admin. {@link #restart} stops it and starts a new one on the same data.
 */
public final class TestServer implements AutoCloseable {
  public static final String ADMIN_EMAIL = "admin@example.com";
  public static final String ADMIN_PASSWORD = "correct horse battery staple";
  public static final String ADMIN_TOKEN = "testtoken0123456789abcdefghijklmnopqrstu";

  private final Path dataDir;
  private DialtoneServer server;

  private TestServer(Path dataDir) {
    this.dataDir = dataDir;
    this.server = boot();
  }

  public static TestServer start(Path dataDir) {
    return new TestServer(dataDir);
  }

  private DialtoneServer boot() {
    Config config = Config.defaults(dataDir).withAdmin(ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_TOKEN);
    return DialtoneServer.create(config).start();
  }

  /** Stops the server and starts a new one on the same data directory. */
  public void restart() {
    server.close();
    server = boot();
  }

  public int port() {
    return server.port();
  }

  public Path dataDir() {
    return dataDir;
  }

  /** A client for the default account, authenticated as the admin with the API token. */
  public Api admin() {
    return new Api(port()).withToken(ADMIN_EMAIL, ADMIN_TOKEN);
  }

  /** A client with no credentials. */
  public Api anonymous() {
    return new Api(port());
  }

  @Override
  public void close() {
    server.close();
  }
}
