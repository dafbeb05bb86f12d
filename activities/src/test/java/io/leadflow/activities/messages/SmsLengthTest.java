package io.leadflow.activities.messages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsLengthTest {

  @Test
  void aGsmTextFitsOneSegmentUpTo160CharactersThen153Each() {
    assertThat(SmsLength.of("a".repeat(160))).isEqualTo(new SmsLength("GSM-7", 160, 1));
    assertThat(SmsLength.of("a".repeat(161))).isEqualTo(new SmsLength("GSM-7", 161, 2));
    assertThat(SmsLength.of("a".repeat(307))).isEqualTo(new SmsLength("GSM-7", 307, 3));
  }

  @Test
  void gsmExtensionCharactersCountTwice() {
    assertThat(SmsLength.of("Price: 5€ [net]")).isEqualTo(new SmsLength("GSM-7", 18, 1));
  }

  @Test
  void oneEmojiMakesTheWholeTextUcs2WithTwoUnitsForTheEmoji() {
    String text = "Hi Sarah 👋 " + "a".repeat(58);

    assertThat(SmsLength.of(text)).isEqualTo(new SmsLength("UCS-2", 70, 1));
    assertThat(SmsLength.of(text + "a")).isEqualTo(new SmsLength("UCS-2", 71, 2));
    assertThat(SmsLength.of("👋" + "a".repeat(132))).isEqualTo(new SmsLength("UCS-2", 134, 2));
    assertThat(SmsLength.of("👋" + "a".repeat(133))).isEqualTo(new SmsLength("UCS-2", 135, 3));
  }

  @Test
  void moreThanTenSegmentsOr1600CharactersIsTooLong() {
    assertThat(SmsLength.of("a".repeat(1530)).tooLong()).isFalse();
    assertThat(SmsLength.of("a".repeat(1531)).tooLong()).isTrue();
    assertThat(SmsLength.of("👋" + "a".repeat(668)).tooLong()).isFalse();
    assertThat(SmsLength.of("👋" + "a".repeat(669)).tooLong()).isTrue();
  }
}
