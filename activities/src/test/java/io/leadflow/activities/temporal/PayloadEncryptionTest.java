package io.leadflow.activities.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.failure.v1.Failure;
import io.temporal.common.converter.DataConverter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadEncryptionTest {

  private static final String OLD = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  private static final String NEW = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";
  private static final String PERSON = "{\"name\":\"Sarah Kim\",\"email\":\"sarah@acme.test\",\"phone\":\"+16465550123\"}";

  private static final Payload PLAIN =
      Payload.newBuilder()
          .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
          .setData(ByteString.copyFromUtf8(PERSON))
          .build();

  private final PayloadEncryption codec = new PayloadEncryption(new PayloadKeys(Map.of("k1", OLD), "k1"));

  @Test
  void aPayloadComesBackAsItWasAndIsStoredUnreadable() {
    Payload encrypted = codec.encode(List.of(PLAIN)).get(0);

    assertThat(encrypted.getMetadataMap())
        .containsOnlyKeys("encoding", "encryption-key-id")
        .containsEntry("encoding", ByteString.copyFromUtf8("binary/encrypted"))
        .containsEntry("encryption-key-id", ByteString.copyFromUtf8("k1"));
    assertThat(new String(encrypted.toByteArray(), StandardCharsets.ISO_8859_1))
        .doesNotContain("Sarah", "sarah@acme.test", "6465550123", "json/plain");
    assertThat(codec.decode(List.of(encrypted))).containsExactly(PLAIN);
  }

  @Test
  void eachPayloadHasANonceOfItsOwn() {
    List<Payload> twice = codec.encode(List.of(PLAIN, PLAIN));

    assertThat(twice.get(0).getData()).isNotEqualTo(twice.get(1).getData());
    assertThat(twice.get(0).getData().substring(0, 12)).isNotEqualTo(twice.get(1).getData().substring(0, 12));
  }

  @Test
  void afterARotationOldPayloadsStillDecryptAndNewOnesUseTheNewKey() {
    Payload underOldKey = codec.encode(List.of(PLAIN)).get(0);
    PayloadEncryption rotated = new PayloadEncryption(new PayloadKeys(Map.of("k1", OLD, "k2", NEW), "k2"));

    assertThat(rotated.decode(List.of(underOldKey))).containsExactly(PLAIN);
    Payload underNewKey = rotated.encode(List.of(PLAIN)).get(0);
    assertThat(underNewKey.getMetadataOrThrow("encryption-key-id").toStringUtf8()).isEqualTo("k2");
    assertThat(rotated.decode(List.of(underNewKey))).containsExactly(PLAIN);
  }

  @Test
  void aTamperedPayloadIsRefused() {
    Payload encrypted = codec.encode(List.of(PLAIN)).get(0);
    byte[] data = encrypted.getData().toByteArray();
    data[data.length - 20] ^= 1;
    Payload tampered = encrypted.toBuilder().setData(ByteString.copyFrom(data)).build();

    assertThatThrownBy(() -> codec.decode(List.of(tampered)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessage("A Temporal payload encrypted with key 'k1' does not decrypt: it was altered, or 'k1' is not the key it was encrypted with");
  }

  @Test
  void aPayloadUnderAnotherKeyWithTheSameIdIsRefused() {
    Payload encrypted = codec.encode(List.of(PLAIN)).get(0);
    PayloadEncryption otherKeySameId = new PayloadEncryption(new PayloadKeys(Map.of("k1", NEW), "k1"));

    assertThatThrownBy(() -> otherKeySameId.decode(List.of(encrypted)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("does not decrypt");
  }

  @Test
  void aPayloadUnderAnUnknownKeyIsRefusedNamingTheKey() {
    Payload encrypted = codec.encode(List.of(PLAIN)).get(0);
    PayloadEncryption withoutK1 = new PayloadEncryption(new PayloadKeys(Map.of("k2", NEW), "k2"));

    assertThatThrownBy(() -> withoutK1.decode(List.of(encrypted)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessage("A Temporal payload is encrypted with key 'k1', which this process does not have: add it as leadflow.temporal.codec.keys.k1");
  }

  @Test
  void aPayloadThatWasNeverEncryptedIsDecodedAsItIs() {
    assertThat(codec.decode(List.of(PLAIN))).containsExactly(PLAIN);
  }

  @Test
  void theDataConverterEncryptsValuesAndFailureMessages() {
    DataConverter converter = new TemporalPayloadEncryption().mainDataConverter(codec);

    Payload value = converter.toPayload(PERSON).orElseThrow();
    assertThat(value.getMetadataOrThrow("encoding").toStringUtf8()).isEqualTo("binary/encrypted");
    assertThat(converter.fromPayload(value, String.class, String.class)).isEqualTo(PERSON);

    Failure failure = converter.exceptionToFailure(ApplicationFailure.newFailure("bounced: sarah@acme.test", "Bounce"));
    assertThat(failure.toString()).doesNotContain("sarah@acme.test");
    assertThat(converter.failureToException(failure)).hasMessageContaining("bounced: sarah@acme.test");
  }

  @Test
  void aProcessWithoutAValidActiveKeyDoesNotStart() {
    assertThatThrownBy(() -> new PayloadKeys(Map.of(), null))
        .hasMessageStartingWith("No key to encrypt Temporal payloads with: set leadflow.temporal.codec.active-key");
    assertThatThrownBy(() -> new PayloadKeys(Map.of("k1", OLD), "k2"))
        .hasMessageStartingWith("The active key 'k2' has no leadflow.temporal.codec.keys.k2");
    assertThatThrownBy(() -> new PayloadKeys(Map.of("k1", "c2hvcnQ="), "k1"))
        .hasMessageStartingWith("leadflow.temporal.codec.keys.k1 is 5 bytes, not the 32 of an AES-256 key");
    assertThatThrownBy(() -> new PayloadKeys(Map.of("k1", "not base64!"), "k1"))
        .hasMessageStartingWith("leadflow.temporal.codec.keys.k1 is not base64");
    assertThatThrownBy(() -> new PayloadKeys(Map.of("K_1", OLD), "K_1"))
        .hasMessageStartingWith("Key id 'K_1' is not 1 to 32 lower-case letters and digits");
  }

  @Test
  void theKeysNeverAppearInMessages() {
    assertThat(new PayloadKeys(Map.of("k1", OLD, "k2", NEW), "k2").toString())
        .isEqualTo("PayloadKeys[ids=[k1, k2], activeKey=k2]");
  }
}
