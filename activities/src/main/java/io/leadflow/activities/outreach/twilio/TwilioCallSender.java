package io.leadflow.activities.outreach.twilio;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.CallCreator;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import io.leadflow.activities.outreach.Message;
import io.leadflow.activities.outreach.ProviderException;
import io.leadflow.activities.outreach.SendSlots;
import io.leadflow.activities.store.Lead;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.TouchRequest;
import java.net.URI;

/**
 * Click-to-call: Twilio rings the assigned rep first and, when they pick up, dials the lead with
 * our number as caller id. Without the rep's phone, a configured voicemail drop is played to the
 * lead instead.
 */
class TwilioCallSender extends TwilioSender {

  TwilioCallSender(TwilioRestClient twilio, SendSlots slots, TwilioProperties properties) {
    super(Channel.CALL, twilio, slots, properties);
  }

  @Override
  public String send(TouchRequest request, Lead lead, Message message) {
    PhoneNumber from = new PhoneNumber(properties.fromNumber());
    String repPhone = request.assignedRep() == null ? null : properties.repPhones().get(request.assignedRep());
    CallCreator creator;
    if (repPhone != null) {
      creator = Call.creator(new PhoneNumber(repPhone), from, new Twiml(bridgeTo(lead.phone())));
    } else if (properties.voicemailUrl() != null) {
      creator = Call.creator(new PhoneNumber(lead.phone()), from, URI.create(properties.voicemailUrl()));
    } else {
      throw new ProviderException(
          ProviderException.Kind.PERMANENT,
          "no phone configured for rep " + request.assignedRep() + " and no voicemail-url",
          null);
    }
    return create(creator::setStatusCallback, twilio -> creator.create(twilio).getSid());
  }

  private String bridgeTo(String leadPhone) {
    return "<Response><Say>New lead. Connecting you now.</Say><Dial callerId=\""
        + properties.fromNumber()
        + "\"><Number>"
        + leadPhone
        + "</Number></Dial></Response>";
  }
}
