package io.leadflow.api.capture;

import io.leadflow.activities.consent.ConsentGiven;

/**
 * What only Twilio's signed webhooks say about a capture, never a form: the person called or
 * texted the team's number ({@code consent}, the contact as its evidence), and the call was
 * missed ({@code missedCall}, which scores the lead HOT).
 */
record InboundContact(boolean missedCall, ConsentGiven consent) {}
