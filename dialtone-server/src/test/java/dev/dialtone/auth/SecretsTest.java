package dev.dialtone.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void passwords_areKeptAsSaltedArgon2idHashes() {
    String hash = Secrets.hashPassword("correct horse");

    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct horse");
    assertThat(Secrets.hashPassword("correct horse")).as("salted").isNotEqualTo(hash);
    assertThat(Secrets.passwordMatches("correct horse", hash)).isTrue();
    assertThat(Secrets.passwordMatches("correct horsE", hash)).isFalse();
    assertThat(Secrets.passwordMatches("correct horse", null)).isFalse();
    assertThat(Secrets.passwordMatches("correct horse", "not a hash")).isFalse();
  }

  @Test
  void tokens_areKeptAsSha256Digests() {
    assertThat(Secrets.digest("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Secrets.newToken()).hasSize(40).matches("[A-Za-z0-9]+");
  }
}
