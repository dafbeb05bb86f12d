package io.leadflow.activities.outreach.twilio;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import io.leadflow.activities.outreach.SendSlots;
import io.leadflow.activities.outreach.Sender;
import io.leadflow.workflows.Channel;
import java.util.function.Consumer;
import java.util.function.Function;

/** What Twilio's text and call senders share: one client, its connections, the status callback, Twilio's errors. */
abstract class TwilioSender implements Sender {

  private final Channel channel;
  private final TwilioRestClient twilio;
  private final SendSlots slots;
  final TwilioProperties properties;

  TwilioSender(Channel channel, TwilioRestClient twilio, SendSlots slots, TwilioProperties properties) {
    this.channel = channel;
    this.twilio = twilio;
    this.slots = slots;
    this.properties = properties;
  }

  @Override
  public boolean handles(Channel channel) {
    return channel == this.channel;
  }

  @Override
  public String providerName() {
    return "twilio";
  }

  @Override
  public SendSlots slots() {
    return slots;
  }

  /** Asks for the status callback when one is configured, then creates: the sid, or Twilio's refusal classified. */
  String create(Consumer<String> statusCallback, Function<TwilioRestClient, String> create) {
    if (properties.statusCallbackUrl() != null) {
      statusCallback.accept(properties.statusCallbackUrl());
    }
    try {
      return create.apply(twilio);
    } catch (ApiException e) {
      throw TwilioErrors.classify(e);
    }
  }
}
