package dev.dialtone.tls;

import java.security.KeyStore;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.jspecify.annotations.Nullable;

/** The connector that serves HTTPS on Dialtone's port when TLS is configured. */
public final class HttpsConnector {
  private HttpsConnector() {}

  public static ServerConnector create(
      Server server, HttpConfiguration http, KeyStore keys, @Nullable String host, int port) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(keys);
    ssl.setKeyStorePassword(new String(TlsKeys.STORE_PASSWORD));
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    // Clients reach a self-signed localhost certificate by 127.0.0.1 too; do not refuse them.
    secure.setSniHostCheck(false);
    HttpConfiguration https = new HttpConfiguration(http);
    https.addCustomizer(secure);
    ServerConnector connector =
        new ServerConnector(
            server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }
}
