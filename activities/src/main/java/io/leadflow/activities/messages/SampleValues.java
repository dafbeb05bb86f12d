package io.leadflow.activities.messages;

import io.leadflow.workflows.Channel;
import java.util.HashMap;
import java.util.Map;

/** Typical values for checking a template and measuring a text before it is saved. */
public final class SampleValues {

  private SampleValues() {}

  public static Map<String, String> of(Channel channel) {
    Map<String, String> values = new HashMap<>();
    values.put(Placeholders.FIRST_NAME, "Sarah");
    values.put(Placeholders.COMPANY, "Acme Corp");
    values.put(Placeholders.INTEREST, "pricing");
    values.put(Placeholders.SOURCE, "website");
    values.put(Placeholders.REP_NAME, "Ana Ruiz");
    values.put(Placeholders.REP, "Ana Ruiz");
    values.put(Placeholders.BOOKING_LINK, "https://calendly.com/ana-ruiz/30min?utm_source=leadflow&utm_content=0b9e4c1e-5d7a-4f7e-9a55-0c6f1a2b3c4d");
    values.put(Placeholders.SENDER_ADDRESS, channel == Channel.EMAIL ? "ana@example.com" : "+12125550199");
    if (channel == Channel.EMAIL) {
      values.put(Placeholders.UNSUBSCRIBE_LINK, "https://leads.example.com/api/v1/unsubscribe?token=sample");
    }
    return values;
  }
}
