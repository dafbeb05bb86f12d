package io.leadflow.workflows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key that makes a side effect happen once (a unique column in the lead store). Keys are built
 * partly from outside data (a provider's message id), so they are bounded whatever the input: a
 * text over the bound keeps its start and ends with the SHA-256 of the whole text, so two long
 * inputs never share a key and the same input always gets the same one.
 */
public final class BusinessKey {

  /** The lead store's business-key columns are {@code varchar(200)}. */
  public static final int MAX_LENGTH = 200;
  private static final int HASH_LENGTH = 64;

  private BusinessKey() {}

  public static String of(String... parts) {
    return bounded(String.join(":", parts), MAX_LENGTH);
  }

  public static String bounded(String text, int maxLength) {
    if (text == null || text.length() <= maxLength) {
      return text;
    }
    return text.substring(0, maxLength - HASH_LENGTH - 1) + "#" + sha256(text);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
