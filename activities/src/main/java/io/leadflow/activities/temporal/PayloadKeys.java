package io.leadflow.activities.temporal;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The AES-256 keys that encrypt Temporal payloads, by id ({@code leadflow.temporal.codec.keys.<id>},
 * base64 of 32 random bytes), and the id of the one new payloads are encrypted with
 * ({@code leadflow.temporal.codec.active-key}). The others stay to decrypt what they encrypted
 * while histories that hold it are kept. A process without a valid active key does not start.
 */
@ConfigurationProperties("leadflow.temporal.codec")
public record PayloadKeys(Map<String, String> keys, String activeKey) {

  private static final String HOW =
      "set leadflow.temporal.codec.active-key=<id> and leadflow.temporal.codec.keys.<id>=<base64 of 32 random bytes>"
          + " (openssl rand -base64 32); see docs/operations.md, \"Personal data in Temporal\"";
  /** Lower-case letters and digits: an id must survive the trip through an environment variable's name. */
  private static final Pattern ID = Pattern.compile("[a-z0-9]{1,32}");

  public PayloadKeys {
    keys = keys == null ? Map.of() : Map.copyOf(keys);
    if (activeKey == null || activeKey.isBlank()) {
      throw new IllegalStateException("No key to encrypt Temporal payloads with: " + HOW);
    }
    if (!keys.containsKey(activeKey)) {
      throw new IllegalStateException("The active key '" + activeKey + "' has no leadflow.temporal.codec.keys." + activeKey + ": " + HOW);
    }
    keys.forEach(PayloadKeys::secretKey);
  }

  String activeId() {
    return activeKey;
  }

  SecretKey active() {
    return secretKey(activeKey, keys.get(activeKey));
  }

  Optional<SecretKey> byId(String id) {
    return Optional.ofNullable(keys.get(id)).map(key -> secretKey(id, key));
  }

  /** The ids only, for messages: never the keys. */
  @Override
  public String toString() {
    return "PayloadKeys[ids=" + new TreeMap<>(keys).keySet() + ", activeKey=" + activeKey + "]";
  }

  private static SecretKey secretKey(String id, String base64) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalStateException("Key id '" + id + "' is not 1 to 32 lower-case letters and digits: " + HOW);
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
    } catch (IllegalArgumentException notBase64) {
      throw new IllegalStateException("leadflow.temporal.codec.keys." + id + " is not base64: " + HOW);
    }
    if (key.length != 32) {
      throw new IllegalStateException(
          "leadflow.temporal.codec.keys." + id + " is " + key.length + " bytes, not the 32 of an AES-256 key: " + HOW);
    }
    return new SecretKeySpec(key, "AES");
  }
}
