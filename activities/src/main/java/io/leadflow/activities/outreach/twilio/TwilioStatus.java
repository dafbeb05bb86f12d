package io.leadflow.activities.outreach.twilio;

import java.util.Map;

/** A message's or call's status callback: the sid the send recorded and Twilio's status for it. */
public record TwilioStatus(String sid, String status) {

  /** From {@code MessageSid}/{@code MessageStatus}, or a call's {@code CallSid}/{@code CallStatus}. */
  public static TwilioStatus of(Map<String, String> callback) {
    return new TwilioStatus(
        callback.getOrDefault("MessageSid", callback.get("CallSid")),
        callback.getOrDefault("MessageStatus", callback.get("CallStatus")));
  }
}
