package io.leadflow.activities.temporal;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.EncodingKeys;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts every Temporal payload with AES-256-GCM before it leaves the process, and decrypts it
 * when it comes back. The whole payload (its metadata and data) is encrypted, under a random
 * 12-byte nonce of its own, with the active key of {@link PayloadKeys}; what Temporal stores is
 * {@code encoding: binary/encrypted}, {@code encryption-key-id: <id>} and nonce + ciphertext + tag
 * (Temporal's convention, so its UI and CLI know the payload for encrypted).
 *
 * <p>A payload that is not encrypted is decoded as it is: histories written before encryption was
 * turned on, and input typed in by an operator (a CLI signal), keep working.
 */
public final class PayloadEncryption implements PayloadCodec {

  public static final String ENCODING = "binary/encrypted";
  public static final String KEY_ID = "encryption-key-id";
  private static final String CIPHER = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final PayloadKeys keys;
  private final SecureRandom random = new SecureRandom();

  public PayloadEncryption(PayloadKeys keys) {
    this.keys = keys;
  }

  @Override
  public List<Payload> encode(List<Payload> payloads) {
    return payloads.stream().map(this::encrypt).toList();
  }

  @Override
  public List<Payload> decode(List<Payload> payloads) {
    return payloads.stream().map(this::decrypt).toList();
  }

  private Payload encrypt(Payload payload) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed;
    try {
      Cipher cipher = Cipher.getInstance(CIPHER);
      cipher.init(Cipher.ENCRYPT_MODE, keys.active(), new GCMParameterSpec(TAG_BITS, nonce));
      sealed = cipher.doFinal(payload.toByteArray());
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException(e);
    }
    return Payload.newBuilder()
        .putMetadata(EncodingKeys.METADATA_ENCODING_KEY, ByteString.copyFromUtf8(ENCODING))
        .putMetadata(KEY_ID, ByteString.copyFromUtf8(keys.activeId()))
        .setData(ByteString.copyFrom(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array()))
        .build();
  }

  private Payload decrypt(Payload payload) {
    if (!ENCODING.equals(payload.getMetadataOrDefault(EncodingKeys.METADATA_ENCODING_KEY, ByteString.EMPTY).toStringUtf8())) {
      return payload;
    }
    String id = payload.getMetadataOrDefault(KEY_ID, ByteString.EMPTY).toStringUtf8();
    SecretKey key =
        keys.byId(id)
            .orElseThrow(() -> new PayloadCodecException(
                "A Temporal payload is encrypted with key '" + id + "', which this process does not have:"
                    + " add it as leadflow.temporal.codec.keys." + id));
    byte[] data = payload.getData().toByteArray();
    if (data.length <= NONCE_BYTES) {
      throw notDecrypted(id, null);
    }
    try {
      Cipher cipher = Cipher.getInstance(CIPHER);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
      return Payload.parseFrom(cipher.doFinal(Arrays.copyOfRange(data, NONCE_BYTES, data.length)));
    } catch (GeneralSecurityException | InvalidProtocolBufferException e) {
      throw notDecrypted(id, e);
    }
  }

  private static PayloadCodecException notDecrypted(String id, Exception cause) {
    return new PayloadCodecException(
        "A Temporal payload encrypted with key '" + id + "' does not decrypt: it was altered, or '" + id
            + "' is not the key it was encrypted with",
        cause);
  }
}
