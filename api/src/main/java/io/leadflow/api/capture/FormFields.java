package io.leadflow.api.capture;

import io.leadflow.activities.store.CaptureAttribute;
import io.leadflow.api.forms.FormSource;
import io.leadflow.api.input.InputProblems;
import io.leadflow.api.input.TextRule;
import io.leadflow.workflows.Channel;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a form-encoded capture into the same {@link CaptureLeadRequest} a JSON capture is. A field
 * named like one of the request's is that field (one value each; blank is absent); {@code
 * consent.SMS}, {@code consent.CALL}, {@code consent.EMAIL} carry the consent text the person
 * ticked (CHECKBOX, with the page from Referer, the browser's address and User-Agent). Every other
 * field is a custom attribute: blank ones are not kept, repeated ones (a group of checkboxes) are
 * joined with ", ", and over {@value CaptureAttribute#MAX_PER_CAPTURE} of them, a name that is not
 * 1 to 64 of {@code [A-Za-z0-9_.-]} or a value over 500 characters is a 400 naming the field. A
 * field can never reach the lead's own state (status, owner, score): the request has no such
 * fields, so "status" is only ever an attribute. The form key, {@code renderedAt} and the form's
 * honeypot are controls, not data.
 */
final class FormFields {

  static final String CONSENT_PREFIX = "consent.";

  private static final Set<String> FIELDS =
      Arrays.stream(CaptureLeadRequest.class.getRecordComponents())
          .map(RecordComponent::getName)
          .filter(name -> !name.equals("consent") && !name.equals("attributes"))
          .collect(Collectors.toUnmodifiableSet());
  private static final Set<String> MULTILINE = Set.of("interest", "message");

  private FormFields() {}

  /** {@code source}: the form source whose key sent it (its name is the lead's source), null for an API key. */
  static CaptureLeadRequest read(MultiValueMap<String, String> form, FormSource source, HttpServletRequest http, JsonMapper json) {
    Map<String, Object> fields = new LinkedHashMap<>();
    Map<String, String> attributes = new LinkedHashMap<>();
    List<Map<String, Object>> consents = new ArrayList<>();
    Map<String, String> errors = new TreeMap<>();
    form.forEach((name, values) -> {
      if (isControl(name, source)) {
        return;
      }
      String label = name.length() > CaptureAttribute.MAX_NAME_LENGTH ? name.substring(0, CaptureAttribute.MAX_NAME_LENGTH) + "…" : name;
      var badName = TextRule.violation(name, false);
      if (badName.isPresent()) {
        errors.put("field name", badName.get());
        return;
      }
      List<String> given = values.stream().filter(value -> value != null && !value.isBlank()).toList();
      boolean multiline = MULTILINE.contains(name) || !FIELDS.contains(name);
      for (String value : given) {
        TextRule.violation(value, multiline).ifPresent(violation -> errors.put(label, violation));
      }
      if (FIELDS.contains(name) || name.startsWith(CONSENT_PREFIX)) {
        if (given.size() > 1) {
          errors.put(label, "send one value");
        } else if (!given.isEmpty()) {
          known(name, given.get(0), source, fields, consents, errors, http);
        }
      } else if (!given.isEmpty()) {
        attribute(name, label, String.join(", ", given), attributes, errors);
      }
    });
    if (source != null) {
      fields.put("source", source.name());
    }
    if (!consents.isEmpty()) {
      fields.put("consent", consents);
    }
    if (!attributes.isEmpty()) {
      fields.put("attributes", attributes);
    }
    if (!errors.isEmpty()) {
      throw new ErrorResponseException(HttpStatus.BAD_REQUEST, InputProblems.invalid(InputProblems.INVALID_BODY, errors), null);
    }
    return json.convertValue(fields, CaptureLeadRequest.class);
  }

  private static boolean isControl(String name, FormSource source) {
    return name.equals(FormSource.KEY_FIELD)
        || name.equals(FormSource.RENDERED_AT_FIELD)
        || (source != null && name.equals(source.honeypotField()));
  }

  private static void known(
      String name, String value, FormSource source, Map<String, Object> fields, List<Map<String, Object>> consents,
      Map<String, String> errors, HttpServletRequest http) {
    if (name.startsWith(CONSENT_PREFIX)) {
      consent(name, value, consents, errors, http);
    } else if (name.equals("source") && source != null) {
      errors.put("source", "is set by the form key (form source '" + source.name() + "'); remove this field");
    } else if (name.equals("companySize")) {
      try {
        fields.put(name, Integer.valueOf(value.strip()));
      } catch (NumberFormatException notANumber) {
        errors.put(name, "must be a whole number");
      }
    } else {
      fields.put(name, value);
    }
  }

  private static void consent(String name, String text, List<Map<String, Object>> consents, Map<String, String> errors, HttpServletRequest http) {
    Channel channel;
    try {
      channel = Channel.valueOf(name.substring(CONSENT_PREFIX.length()).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      errors.put(name, "consent fields are consent.SMS, consent.CALL and consent.EMAIL");
      return;
    }
    Map<String, Object> consent = new LinkedHashMap<>();
    consent.put("channel", channel.name());
    consent.put("method", "CHECKBOX");
    consent.put("text", text);
    consent.put("pageUrl", bounded(http.getHeader(HttpHeaders.REFERER), 2000));
    consent.put("ip", http.getRemoteAddr());
    consent.put("userAgent", bounded(http.getHeader(HttpHeaders.USER_AGENT), 500));
    consents.add(consent);
  }

  private static void attribute(String name, String label, String value, Map<String, String> attributes, Map<String, String> errors) {
    if (name.length() > CaptureAttribute.MAX_NAME_LENGTH || !name.matches(CaptureAttribute.NAME_PATTERN)) {
      errors.put(label, "a custom field's name is 1 to " + CaptureAttribute.MAX_NAME_LENGTH + " letters, digits and _ . -");
    } else if (value.length() > CaptureAttribute.MAX_VALUE_LENGTH) {
      errors.put(label, "a custom field holds at most " + CaptureAttribute.MAX_VALUE_LENGTH + " characters");
    } else if (attributes.size() >= CaptureAttribute.MAX_PER_CAPTURE) {
      errors.put(label, "over the " + CaptureAttribute.MAX_PER_CAPTURE + " custom fields a capture may bring");
    } else {
      attributes.put(name, value);
    }
  }

  private static String bounded(String value, int max) {
    return value == null || value.isBlank() || value.length() > max ? null : value;
  }
}
