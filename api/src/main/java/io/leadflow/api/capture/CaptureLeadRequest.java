package io.leadflow.api.capture;

import io.leadflow.activities.store.CaptureRecord;
import io.leadflow.activities.store.Lead;
import io.leadflow.api.input.MultilineText;
import io.leadflow.workflows.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.validator.constraints.URL;

/** What a form or feed may send. Deliberately separate from the stored lead: no status, no id. */
public record CaptureLeadRequest(
    @NotBlank @Size(max = 200) String name,
    @Size(max = 320) @Email(regexp = ".+@.+\\..+", message = "must be a well-formed email address")
        String email,
    @Size(max = 32) @Pattern(regexp = "\\+?[0-9 ().-]{7,31}", message = "must be a phone number")
        String phone,
    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9 ._:/-]+", message = "letters, digits and . _ : / - only")
        String source,
    @NotBlank @Size(max = 200) @MultilineText String interest,
    @Size(max = 200) String utmSource,
    @Size(max = 200) String utmMedium,
    @Size(max = 200) String utmCampaign,
    @Size(max = 200) String utmTerm,
    @Size(max = 200) String utmContent,
    @Size(max = 100) String title,
    @Size(max = 200) String company,
    @Min(1) @Max(10_000_000) Integer companySize,
    @Size(max = 100) String timeline,
    @Size(max = 3) List<@NotNull @Valid CaptureConsent> consent,
    @Size(max = 100) String firstName,
    @Size(max = 100) String lastName,
    @Size(max = 100) String country,
    @Size(max = 500) String website,
    @Size(max = 2000) @MultilineText String message,
    @Size(max = 2000) @URL(regexp = HTTP_URL, message = HTTP_URL_MESSAGE) String landingPage,
    @Size(max = 2000) @URL(regexp = HTTP_URL, message = HTTP_URL_MESSAGE) String referrer,
    @Size(max = 200) @Pattern(regexp = CLICK_ID, message = CLICK_ID_MESSAGE) String gclid,
    @Size(max = 200) @Pattern(regexp = CLICK_ID, message = CLICK_ID_MESSAGE) String fbclid,
    @Size(max = 200) @Pattern(regexp = CLICK_ID, message = CLICK_ID_MESSAGE) String liFatId,
    @Size(max = 20) Map<@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "letters, digits and _ . - only") String,
        @NotNull @Size(max = 500) String> attributes) {

  // A page's address with a host; empty is absent (a form's hidden field left blank, no referrer).
  private static final String HTTP_URL = "|(?i)https?://[^/?#\\s]+\\S*";
  private static final String HTTP_URL_MESSAGE = "must be an http or https URL";
  // Click ids are opaque tokens: base64 and URL-safe characters, nothing that needs escaping.
  private static final String CLICK_ID = "[A-Za-z0-9._~+/=-]*";
  private static final String CLICK_ID_MESSAGE = "letters, digits and . _ ~ + / = - only";

  CaptureRecord.Utm utm() {
    return new CaptureRecord.Utm(utmSource, utmMedium, utmCampaign, utmTerm, utmContent);
  }

  /** Blank parts are absent. */
  CaptureRecord.Attribution attribution() {
    return new CaptureRecord.Attribution(
        stripped(landingPage), stripped(referrer), stripped(gclid), stripped(fbclid), stripped(liFatId));
  }

  /** What the form said about the person and their company, blanks dropped. */
  Lead.Profile profile() {
    return new Lead.Profile(stripped(title), stripped(company), companySize, stripped(timeline));
  }

  private static String stripped(String value) {
    return isBlank(value) ? null : value.strip();
  }

  @AssertTrue(message = "give an email or a phone so the lead can be reached")
  boolean isReachable() {
    return !isBlank(email) || !isBlank(phone);
  }

  /** Consent for calls and texts covers a phone number, consent for email an address: this capture's. */
  @AssertTrue(message = "consent for CALL or SMS needs the phone it covers, consent for EMAIL the email")
  boolean isConsentForAGivenContact() {
    return consents().stream().allMatch(given -> given.channel() == null
        || (given.channel() == Channel.EMAIL ? !isBlank(email) : !isBlank(phone)));
  }

  List<CaptureConsent> consents() {
    return consent == null ? List.of() : consent.stream().filter(Objects::nonNull).toList();
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
