package dev.dialtone.tls;

import dev.dialtone.store.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The key and certificate Dialtone serves HTTPS with: PEM files the operator gives ({@code
 * DIALTONE_TLS_CERT}, {@code DIALTONE_TLS_KEY}), or a self-signed certificate for {@code localhost}
 * that Dialtone makes once, with the JDK's own keytool, and keeps in the data dir.
 */
public final class TlsKeys {
  /** Protects the in-memory key store only; the files on disk are what the operator guards. */
  static final char[] STORE_PASSWORD = "dialtone".toCharArray();

  private static final String ALIAS = "dialtone";

  private TlsKeys() {}

  /** A key store holding the PEM private key (PKCS#8, RSA or EC) and its certificate chain. */
  public static KeyStore fromPem(Path certificateFile, Path keyFile) {
    try {
      List<? extends Certificate> chain;
      try (InputStream in = Files.newInputStream(certificateFile)) {
        chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
      }
      if (chain.isEmpty()) {
        throw new TlsException("no certificate in " + certificateFile);
      }
      PrivateKey key = privateKey(Files.readString(keyFile), keyFile);
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, key, STORE_PASSWORD, chain.toArray(Certificate[]::new));
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new TlsException("cannot read the TLS certificate or key: " + e.getMessage(), e);
    }
  }

  /**
   * The self-signed key store in {@code dataDir/tls}, made on first use and kept: clients that pin
   * or trust it once keep working across restarts.
   */
  public static KeyStore selfSigned(Path dataDir) {
    Path file = dataDir.resolve("tls").resolve("self-signed.p12");
    try {
      // Only the server's user may read the key: the directory 0700, the file 0600.
      PrivateFiles.createDirectory(dataDir.resolve("tls"));
      if (!Files.exists(file)) {
        generate(file);
      }
      PrivateFiles.restrictFile(file);
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(file)) {
        store.load(in, STORE_PASSWORD);
      }
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new TlsException("cannot make or read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void generate(Path file) throws IOException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                ALIAS,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost, O=Dialtone",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1,ip:::1",
                "-validity",
                "825",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                new String(STORE_PASSWORD))
            .redirectErrorStream(true)
            .start();
    // keytool writes its messages in the platform's charset.
    String output = new String(process.getInputStream().readAllBytes(), Charset.defaultCharset());
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new TlsException("keytool could not make a certificate: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TlsException("interrupted making a certificate", e);
    }
  }

  private static PrivateKey privateKey(String pem, Path keyFile) throws GeneralSecurityException {
    if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")) {
      throw new TlsException(
          keyFile
              + " is not PKCS#8; convert it with: openssl pkcs8 -topk8 -nocrypt -in "
              + keyFile
              + " -out key.pem");
    }
    String base64 =
        pem.replaceAll("-----BEGIN PRIVATE KEY-----", "")
            .replaceAll("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    byte[] der = Base64.getDecoder().decode(base64);
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException tryNext) {
        // The PEM does not say its algorithm: try the next one.
      }
    }
    throw new TlsException(keyFile + " holds no RSA, EC or Ed25519 private key");
  }
}
