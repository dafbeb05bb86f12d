package io.leadflow.activities.messages;

/**
 * How long a text is for the carriers: GSM-7 when every character is in the GSM 03.38 alphabet
 * (its extension characters count twice), 160 characters in one segment, 153 per segment when
 * split; otherwise UCS-2, counted in UTF-16 units (an emoji is two), 70 in one, 67 per segment.
 */
public record SmsLength(String encoding, int characters, int segments) {

  /** Twilio's own ceiling for one message body. */
  public static final int MAX_CHARACTERS = 1600;
  public static final int MAX_SEGMENTS = 10;

  private static final String GSM_BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

  public static SmsLength of(String text) {
    int gsm = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (GSM_BASIC.indexOf(c) >= 0) {
        gsm += 1;
      } else if (GSM_EXTENSION.indexOf(c) >= 0) {
        gsm += 2;
      } else {
        int units = text.length();
        return new SmsLength("UCS-2", units, segments(units, 70, 67));
      }
    }
    return new SmsLength("GSM-7", gsm, segments(gsm, 160, 153));
  }

  public boolean tooLong() {
    return characters > MAX_CHARACTERS || segments > MAX_SEGMENTS;
  }

  private static int segments(int units, int single, int perPart) {
    if (units == 0) {
      return 0;
    }
    return units <= single ? 1 : (units + perPart - 1) / perPart;
  }
}
