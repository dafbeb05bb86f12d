package io.leadflow.api.imports;

import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.Suppressions;
import io.leadflow.api.capture.CaptureLeadRequest;
import io.leadflow.api.capture.CapturedLead;
import io.leadflow.api.capture.LeadCapture;
import io.leadflow.api.capture.PhoneNumbers;
import io.leadflow.api.input.InvalidInput;
import io.leadflow.api.input.JsonBodies;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One stored row through the same gate as {@code POST /leads}: read with the API's request mapper
 * (its text rules), Bean Validation, the phone check, then {@link LeadCapture}, so dedupe, the
 * repeat limit, the outbox and every contact rule apply as to any capture. Runs inside the
 * worker's transaction; the capture gets a savepoint of its own, so a row that loses a race for
 * the same person is captured again (and joins) without undoing the rows before it.
 */
@Component
class ImportRowCapture {

  private final JsonMapper requests;
  private final Validator validator;
  private final LeadCapture capture;
  private final Suppressions suppressions;
  private final TransactionTemplate savepoint;
  private final String defaultRegion;

  ImportRowCapture(
      JsonMapper json,
      Validator validator,
      LeadCapture capture,
      Suppressions suppressions,
      PlatformTransactionManager transactions,
      @Value("${leadflow.enrichment.default-region:US}") String defaultRegion) {
    this.requests = JsonBodies.requestReader(json);
    this.validator = validator;
    this.capture = capture;
    this.suppressions = suppressions;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.defaultRegion = defaultRegion;
  }

  RowResult capture(String requestJson) {
    CaptureLeadRequest request;
    try {
      request = requests.readValue(requestJson, CaptureLeadRequest.class);
    } catch (InvalidInput broken) {
      return RowResult.rejected(Map.of(broken.field(), broken.reason()));
    } catch (MismatchedInputException wrongType) {
      boolean number = wrongType.getTargetType() == Integer.class;
      return RowResult.rejected(Map.of(InvalidInput.pathOf(wrongType), number ? "must be a whole number" : "is not a valid value"));
    } catch (JacksonException unreadable) {
      return RowResult.rejected(Map.of(InvalidInput.pathOf(unreadable), "is not a valid value"));
    }
    Set<ConstraintViolation<CaptureLeadRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      Map<String, String> errors = new TreeMap<>();
      violations.forEach(v -> errors.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a + "; " + b));
      return RowResult.rejected(errors);
    }
    String phone = null;
    if (request.phone() != null && !request.phone().isBlank()) {
      PhoneNumbers.Checked checked = PhoneNumbers.check(request.phone(), defaultRegion);
      if (checked.problem() != null) {
        return RowResult.rejected(Map.of("phone", checked.problem()));
      }
      phone = checked.e164();
    }
    CapturedLead captured = captureOnce(request, phone);
    return new RowResult(
        captured.joinedExisting() ? RowResult.Outcome.JOINED : RowResult.Outcome.CREATED,
        null,
        captured.leadId(),
        captured.captureId(),
        suppressedOn(ContactKeys.of(request.email(), phone)));
  }

  private CapturedLead captureOnce(CaptureLeadRequest request, String phone) {
    try {
      return savepoint.execute(status -> capture.captureWithin(request, phone));
    } catch (DataIntegrityViolationException samePersonAtTheSameMoment) {
      return savepoint.execute(status -> capture.captureWithin(request, phone)); // now it joins
    }
  }

  /** The channels no touch will use for this person: their email's and their phone's suppressions. */
  private List<String> suppressedOn(ContactKeys keys) {
    Set<String> channels = new TreeSet<>();
    if (keys.email() != null) {
      channels.addAll(suppressions.channelsBlocked(keys.email()));
    }
    if (keys.phone() != null) {
      channels.addAll(suppressions.channelsBlocked(keys.phone()));
    }
    return List.copyOf(channels);
  }
}
