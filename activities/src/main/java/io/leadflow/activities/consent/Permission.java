package io.leadflow.activities.consent;

/**
 * May LeadFlow contact this lead on this channel now: when it may not, {@code refusal} says why
 * (the lead's page shows it); when it may, {@code consentId} names the consent relied on (null when
 * the channel needs none).
 */
public record Permission(String refusal, Long consentId) {

  public static Permission granted(Long consentId) {
    return new Permission(null, consentId);
  }

  public static Permission refused(String why) {
    return new Permission(why, null);
  }

  public boolean granted() {
    return refusal == null;
  }
}
