package io.leadflow.api.intake;

import io.leadflow.api.capture.CaptureLeadRequest;
import io.leadflow.api.capture.PhoneNumbers;
import io.leadflow.api.input.InvalidInput;
import io.leadflow.api.input.JsonBodies;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A source's payload as a capture: each mapped pointer's value goes to its field (the first
 * pointer with a value wins), defaults fill what is still empty, {@code name} is made of
 * {@code firstName} and {@code lastName} when nothing gives it, and {@code source} is the intake
 * source's name whatever the payload says. The object is then bound to {@link CaptureLeadRequest}
 * as a request body is (the same text rules, Bean Validation) and its phone normalised as capture
 * does; every problem names the field and where in the payload it was looked for.
 */
@Component
class IntakeMapping {

  /** A capture rule met by any of these fields, named in the problem by the first of them. */
  private static final Map<String, List<String>> EITHER = Map.of(
      "reachable", List.of("email", "phone"),
      "named", List.of("name", "firstName", "lastName"),
      "aboutSomething", List.of("interest", "message"));

  /** The capture fields a pointer or a default may feed (CaptureLeadRequest's JSON names). */
  static final Set<String> FIELDS =
      Set.of(
          "name", "firstName", "lastName", "email", "phone", "interest", "company", "title", "companySize", "timeline",
          "country", "website", "message", "utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent",
          "landingPage", "referrer", "gclid", "fbclid", "liFatId");

  static final String ATTRIBUTES = "attributes.";
  private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  /** The capture a payload makes, or what keeps it from being one ({@code errors} empty when it is). */
  record Mapped(ObjectNode capture, CaptureLeadRequest request, String e164Phone, Map<String, String> errors) {

    boolean valid() {
      return errors.isEmpty();
    }
  }

  private final JsonMapper json;
  private final JsonMapper requests;
  private final Validator validator;
  private final String defaultRegion;

  IntakeMapping(JsonMapper json, Validator validator, @Value("${leadflow.enrichment.default-region:US}") String defaultRegion) {
    this.json = json;
    this.requests = JsonBodies.requestReader(json);
    this.validator = validator;
    this.defaultRegion = defaultRegion;
  }

  /** Why a mapping target cannot be fed, or null when it can. */
  static String targetProblem(String target) {
    if (FIELDS.contains(target)) {
      return null;
    }
    if (target.startsWith(ATTRIBUTES) && ATTRIBUTE_KEY.matcher(target.substring(ATTRIBUTES.length())).matches()) {
      return null;
    }
    return "must be a capture field (" + String.join(", ", new java.util.TreeSet<>(FIELDS))
        + ") or attributes.<key> (letters, digits and _ . -, at most 64)";
  }

  /** Why a pointer is not one, or null. */
  static String pointerProblem(String pointer) {
    if (pointer.isEmpty()) {
      return "must point into the payload: /field, /form_response/hidden/utm_source";
    }
    try {
      JsonPointer.compile(pointer);
      return null;
    } catch (IllegalArgumentException invalid) {
      return "is not a JSON Pointer (RFC 6901): it starts with / and escapes ~ and / as ~0 and ~1";
    }
  }

  Mapped map(IntakeSource source, byte[] payload) {
    JsonNode root = readTree(payload);
    if (root == null || !root.isObject()) {
      return new Mapped(json.createObjectNode(), null, null, Map.of("body", "is not a JSON object"));
    }
    Map<String, String> errors = new TreeMap<>();
    ObjectNode capture = json.createObjectNode();
    source.fields().forEach((pointer, target) -> {
      JsonNode value = root.at(JsonPointer.compile(pointer));
      if (value.isMissingNode() || value.isNull() || has(capture, target)) {
        return;
      }
      if (value.isContainer()) {
        errors.putIfAbsent(target, "is an object or a list at " + pointer + ": point at one of its values");
      } else if (!value.asString().isBlank()) {
        put(capture, target, value);
      }
    });
    source.defaults().forEach((target, value) -> {
      if (!has(capture, target)) {
        put(capture, target, json.getNodeFactory().stringNode(value));
      }
    });
    if (!has(capture, "name") && (has(capture, "firstName") || has(capture, "lastName"))) {
      capture.put("name", (capture.path("firstName").asString("") + " " + capture.path("lastName").asString("")).strip());
    }
    capture.put("source", source.name());
    if (!errors.isEmpty()) {
      return new Mapped(capture, null, null, errors);
    }
    return bound(source, capture);
  }

  private JsonNode readTree(byte[] payload) {
    try {
      return json.readTree(payload);
    } catch (JacksonException unreadable) {
      return null;
    }
  }

  private Mapped bound(IntakeSource source, ObjectNode capture) {
    Map<String, String> errors = new TreeMap<>();
    CaptureLeadRequest request = null;
    try {
      request = requests.treeToValue(capture, CaptureLeadRequest.class);
    } catch (InvalidInput invalid) {
      errors.put(invalid.field(), invalid.reason() + where(source, invalid.field()));
    } catch (JacksonException wrongType) {
      String field = InvalidInput.pathOf(wrongType);
      errors.put(field, "has the wrong type" + where(source, field));
    }
    if (request == null) {
      return new Mapped(capture, null, null, errors);
    }
    for (ConstraintViolation<CaptureLeadRequest> violation : validator.validate(request)) {
      String path = violation.getPropertyPath().toString();
      List<String> either = EITHER.get(path);
      String field = either != null ? either.get(0) : path.startsWith("attributes") ? "attributes" : path;
      String why =
          either != null
              ? violation.getMessage() + " (" + String.join("; ", either.stream().map(f -> f + ": " + describe(source, f)).toList()) + ")"
              : violation.getMessage() + where(source, field);
      errors.putIfAbsent(field, why);
    }
    String phone = null;
    if (errors.isEmpty() && request.phone() != null && !request.phone().isBlank()) {
      PhoneNumbers.Checked checked = PhoneNumbers.check(request.phone(), defaultRegion);
      if (checked.problem() != null) {
        errors.put("phone", checked.problem() + where(source, "phone"));
      }
      phone = checked.e164();
    }
    return new Mapped(capture, errors.isEmpty() ? request : null, phone, errors);
  }

  /** Where the mapping looked for {@code field}, as words to append to a problem with it. */
  private static String where(IntakeSource source, String field) {
    return " (" + describe(source, field) + ")";
  }

  private static String describe(IntakeSource source, String field) {
    if (field.equals("source")) {
      return "the intake source's name";
    }
    List<String> pointers = new ArrayList<>();
    source.fields().forEach((pointer, target) -> {
      if (target.equals(field) || (field.equals("attributes") && target.startsWith(ATTRIBUTES))) {
        pointers.add(pointer);
      }
    });
    String defaulted = source.defaults().containsKey(field) ? "default '" + source.defaults().get(field) + "'" : "";
    if (pointers.isEmpty()) {
      return defaulted.isEmpty() ? "not mapped: map a pointer to " + field + " or give it a default" : defaulted;
    }
    return "mapped from " + String.join(", ", pointers) + (defaulted.isEmpty() ? "" : "; " + defaulted);
  }

  private static boolean has(ObjectNode capture, String target) {
    if (target.startsWith(ATTRIBUTES)) {
      return capture.path("attributes").has(target.substring(ATTRIBUTES.length()));
    }
    return capture.has(target);
  }

  /** Text for every field, but a number where the request takes one (companySize). */
  private static void put(ObjectNode capture, String target, JsonNode value) {
    if (target.startsWith(ATTRIBUTES)) {
      ObjectNode attributes = capture.has("attributes") ? (ObjectNode) capture.get("attributes") : capture.putObject("attributes");
      attributes.put(target.substring(ATTRIBUTES.length()), value.asString());
    } else if (target.equals("companySize") && value.isNumber()) {
      capture.set(target, value);
    } else {
      capture.put(target, value.asString());
    }
  }
}
