package io.leadflow.api.capture;

import io.leadflow.activities.consent.ConsentGiven;
import io.leadflow.activities.consent.ConsentMethod;
import io.leadflow.workflows.Channel;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;

/**
 * The consent a person gave on the form for one channel: the exact text they were shown, when
 * ({@code givenAt}, the capture's moment when absent), on which page, from which IP address and
 * browser, and how. Texting START and calling or texting the team's number are recorded by the
 * Twilio webhooks; a vouching source is configuration, so none of those is accepted here.
 */
record CaptureConsent(
    @NotNull Channel channel,
    @NotNull ConsentMethod method,
    @NotBlank @Size(max = 2000) String text,
    Instant givenAt,
    @Size(max = 2000) String pageUrl,
    @Size(max = 45) @Pattern(regexp = "[0-9A-Fa-f:.]+", message = "must be an IPv4 or IPv6 address") String ip,
    @Size(max = 500) String userAgent) {

  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  // A form's clock may run a little ahead of ours.
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  ConsentGiven given(Instant capturedAt) {
    return new ConsentGiven(channel, method, text.strip(), givenAt == null ? capturedAt : givenAt, pageUrl, ip, userAgent);
  }

  @AssertTrue(message = "consent is for CALL, SMS or EMAIL")
  boolean isForAChannelWeContactOn() {
    return channel != Channel.TASK;
  }

  @AssertTrue(message = "a form records CHECKBOX, VERBAL or WRITTEN consent")
  boolean isGivenOnAForm() {
    return method != ConsentMethod.KEYWORD && method != ConsentMethod.VOUCHED && method != ConsentMethod.INBOUND;
  }

  @AssertTrue(message = "must be a moment in the past (from 2000 on)")
  boolean isGivenAtPlausible() {
    return givenAt == null || (givenAt.isAfter(EARLIEST) && givenAt.isBefore(Instant.now().plus(CLOCK_SKEW)));
  }
}
