package dev.dialtone.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * How secrets are kept: passwords as slow salted Argon2 hashes (Password4j), API and OAuth tokens
 * as SHA-256 digests (they are long and random, so a fast digest is enough).
 */
public final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] TOKEN_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  /**
   * Argon2id with OWASP's minimum: 19 MiB of memory, 2 passes, 1 lane, a 32-byte hash, version
   * 0x13. Set here rather than read from a properties file, so the cost is plain to see.
   */
  private static final Argon2Function ARGON2 =
      Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID, 0x13);

  /**
   * Verified against when the user does not exist, so that both paths cost the same. Made on first
   * use, not when the class loads: every start would otherwise pay a hash before its first answer.
   */
  private static final class Decoy {
    static final String HASH = hashPassword("decoy password, never matches");
  }

  private Secrets() {}

  public static String hashPassword(String password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
  }

  /** Checks a password against a stored hash; a null hash checks against a decoy and fails. */
  public static boolean passwordMatches(String password, @Nullable String hash) {
    if (hash == null) {
      Password.check(password, Decoy.HASH).with(ARGON2);
      return false;
    }
    try {
      return Password.check(password, hash).with(ARGON2);
    } catch (RuntimeException e) {
      return false;
    }
  }

  public static String digest(String token) {
    try {
      byte[] bytes =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** A new random token of 40 letters and digits, like Zendesk's. */
  public static String newToken() {
    char[] token = new char[40];
    for (int i = 0; i < token.length; i++) {
      token[i] = TOKEN_ALPHABET[RANDOM.nextInt(TOKEN_ALPHABET.length)];
    }
    return new String(token);
  }
}
