package io.leadflow.api.security;

import io.leadflow.activities.store.Sha256;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Makes and hashes API keys. Keys are 256 random bits; only their SHA-256 is ever stored. */
final class ApiKeys {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeys() {}

  static String newKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "lf_" + HexFormat.of().formatHex(bytes);
  }

  static String hash(String key) {
    return Sha256.hex(key);
  }
}
