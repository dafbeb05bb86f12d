package io.leadflow.activities.outreach.twilio;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import io.leadflow.activities.outreach.SendSlots;
import io.leadflow.activities.outreach.SmsOptOutHint;
import io.leadflow.activities.store.Lead;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.TouchRequest;

/**
 * Texts through Twilio's Messages API, with a status callback that updates the touch; the first
 * text to a number carries the opt-out hint ({@link SmsOptOutHint}).
 */
class TwilioSmsSender extends TwilioSender {

  private final SmsOptOutHint optOutHint;

  TwilioSmsSender(TwilioRestClient twilio, SendSlots slots, TwilioProperties properties, SmsOptOutHint optOutHint) {
    super(Channel.SMS, twilio, slots, properties);
    this.optOutHint = optOutHint;
  }

  @Override
  public String send(TouchRequest request, Lead lead, io.leadflow.activities.outreach.Message rendered) {
    io.leadflow.activities.outreach.Message message = optOutHint.addTo(rendered, lead, providerName());
    PhoneNumber to = new PhoneNumber(lead.phone());
    MessageCreator creator =
        properties.messagingServiceSid() != null
            ? Message.creator(to, properties.messagingServiceSid(), message.text())
            : Message.creator(to, new PhoneNumber(properties.fromNumber()), message.text());
    return create(creator::setStatusCallback, twilio -> creator.create(twilio).getSid());
  }
}
