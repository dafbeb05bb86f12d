package io.leadflow.api.capture;

import io.leadflow.activities.store.CaptureAttribute;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.validator.constraints.URL;

/**
 * What a form or feed may send. Deliberately separate from the stored lead: no status, no id, no
 * owner, no score. {@code name} may be left out when {@code firstName}/{@code lastName} are given
 * (it is composed of them), {@code interest} when a {@code message} is (its first line stands in).
 * {@code attributes}: any other field, kept with the capture as sent ({@link CaptureAttribute}).
 */
public record CaptureLeadRequest(
    @Size(max = 200) String name,
    @Size(max = 320) @Email(regexp = ".+@.+\\..+", message = "must be a well-formed email address")
        String email,
    @Size(max = 32) @Pattern(regexp = "\\+?[0-9 ().-]{7,31}", message = "must be a phone number")
        String phone,
    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9 ._:/-]+", message = "letters, digits and . _ : / - only")
        String source,
    @Size(max = 200) @MultilineText String interest,
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
    @Size(max = CaptureAttribute.MAX_PER_CAPTURE) @MultilineText
        Map<@NotBlank @Size(max = CaptureAttribute.MAX_NAME_LENGTH)
                @Pattern(regexp = CaptureAttribute.NAME_PATTERN, message = "letters, digits and _ . - only") String,
            @NotNull @Size(max = CaptureAttribute.MAX_VALUE_LENGTH) String> attributes) {

  // A page's address with a host; empty is absent (a form's hidden field left blank, no referrer).
  private static final String HTTP_URL = "|(?i)https?://[^/?#\\s]+\\S*";
  private static final String HTTP_URL_MESSAGE = "must be an http or https URL";
  // Click ids are opaque tokens: base64 and URL-safe characters, nothing that needs escaping.
  private static final String CLICK_ID = "[A-Za-z0-9._~+/=-]*";
  private static final String CLICK_ID_MESSAGE = "letters, digits and . _ ~ + / = - only";

  /** The lead's name: as given, else first and last name together. */
  String composedName() {
    String composed = isBlank(name) ? Stream.of(firstName, lastName).filter(part -> !isBlank(part)).map(String::strip).collect(Collectors.joining(" ")) : name.strip();
    return composed.length() > 200 ? composed.substring(0, 200).strip() : composed;
  }

  /** The interest as given, else the message's first line (cut to the 200 characters an interest holds). */
  String statedInterest() {
    if (!isBlank(interest)) {
      return interest.strip();
    }
    String firstLine = message.strip().lines().findFirst().orElse("").strip();
    return firstLine.length() > 200 ? firstLine.substring(0, 199).strip() + "…" : firstLine;
  }

  String statedMessage() {
    return stripped(message);
  }

  /** The custom attributes in the order sent, values as sent. */
  List<CaptureAttribute> customAttributes() {
    return attributes == null
        ? List.of()
        : attributes.entrySet().stream().map(entry -> new CaptureAttribute(entry.getKey(), entry.getValue())).toList();
  }

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
    return new Lead.Profile(
        stripped(title), stripped(company), companySize, stripped(timeline),
        stripped(firstName), stripped(lastName), stripped(country), stripped(website));
  }

  private static String stripped(String value) {
    return isBlank(value) ? null : value.strip();
  }

  @AssertTrue(message = "give a name, or a firstName and/or lastName")
  boolean isNamed() {
    return !isBlank(name) || !isBlank(firstName) || !isBlank(lastName);
  }

  @AssertTrue(message = "give an interest or a message")
  boolean isAboutSomething() {
    return !isBlank(interest) || !isBlank(message);
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
