package io.leadflow.activities.outreach.twilio;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import io.leadflow.activities.outreach.SendSlots;
import io.leadflow.activities.outreach.Sender;
import io.leadflow.activities.store.Lead;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.TouchRequest;

/** Texts through Twilio's Messages API, with a status callback that updates the touch. */
class TwilioSmsSender implements Sender {

  private final TwilioRestClient twilio;
  private final SendSlots slots;
  private final TwilioProperties properties;

  TwilioSmsSender(TwilioRestClient twilio, SendSlots slots, TwilioProperties properties) {
    this.twilio = twilio;
    this.slots = slots;
    this.properties = properties;
  }

  @Override
  public boolean handles(Channel channel) {
    return channel == Channel.SMS;
  }

  @Override
  public String providerName() {
    return "twilio";
  }

  @Override
  public SendSlots slots() {
    return slots;
  }

  @Override
  public String send(TouchRequest request, Lead lead, io.leadflow.activities.outreach.Message message) {
    PhoneNumber to = new PhoneNumber(lead.phone());
    MessageCreator creator =
        properties.messagingServiceSid() != null
            ? Message.creator(to, properties.messagingServiceSid(), message.text())
            : Message.creator(to, new PhoneNumber(properties.fromNumber()), message.text());
    if (properties.statusCallbackUrl() != null) {
      creator.setStatusCallback(properties.statusCallbackUrl());
    }
    try {
      return creator.create(twilio).getSid();
    } catch (ApiException e) {
      throw TwilioErrors.classify(e);
    }
  }
}
