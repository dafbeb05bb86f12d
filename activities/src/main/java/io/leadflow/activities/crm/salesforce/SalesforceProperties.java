package io.leadflow.activities.crm.salesforce;

import io.leadflow.workflows.LeadStatus;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code leadflow.crm.salesforce.*}, read when {@code leadflow.crm.provider=salesforce}.
 * {@code login-url} is the org's My Domain URL (https://acme.my.salesforce.com); {@code client-id}
 * and {@code client-secret} are the consumer key and secret of the External Client App that has the
 * client credentials flow enabled. Records are upserted by {@code lead-id-field} (Lead) and
 * {@code task-key-field} (Task), both Text fields with External ID and Unique set.
 * {@code score-field} and {@code interest-field} are optional Lead fields: blank sends neither.
 * {@code statuses} maps each LeadFlow status to a value of the Lead Status picklist; the ones not
 * given keep the defaults ({@link #DEFAULT_STATUSES}); a blank value leaves Status unwritten.
 * {@code api-version} defaults to v66.0 (any version from 46.0 answers upserts with the id).
 * {@code connect-timeout} (5s) and {@code read-timeout} (30s) bound each request: a timed-out
 * upsert is retried, which is safe as it is keyed. {@code request-limit-pause} (1h) is how long
 * to wait when the org's rolling 24-hour API allocation is used up (403 REQUEST_LIMIT_EXCEEDED).
 */
@ConfigurationProperties("leadflow.crm.salesforce")
public record SalesforceProperties(
    String loginUrl,
    String clientId,
    String clientSecret,
    String apiVersion,
    String leadIdField,
    String taskKeyField,
    String scoreField,
    String interestField,
    Map<LeadStatus, String> statuses,
    Duration connectTimeout,
    Duration readTimeout,
    Duration requestLimitPause) {

  static final String OPEN = "Open - Not Contacted";
  static final String WORKING = "Working - Contacted";
  static final String CONVERTED = "Closed - Converted";
  static final String NOT_CONVERTED = "Closed - Not Converted";

  /**
   * The standard Lead Status picklist. Not contacted yet: Open. A rep or the cadence is on it, or
   * a meeting is booked (the deal is still the rep's to convert): Working. Nurture, disqualified
   * and opted out leave the reps' open views: Closed - Not Converted. Converted: Closed - Converted.
   */
  public static final Map<LeadStatus, String> DEFAULT_STATUSES = defaults();

  public SalesforceProperties {
    loginUrl = loginUrl == null ? null : loginUrl.replaceAll("/+$", "");
    apiVersion = apiVersion == null || apiVersion.isBlank() ? "v66.0" : apiVersion.strip();
    if (!apiVersion.startsWith("v")) {
      apiVersion = "v" + apiVersion;
    }
    leadIdField = leadIdField == null || leadIdField.isBlank() ? "LeadFlow_Id__c" : leadIdField.strip();
    taskKeyField = taskKeyField == null || taskKeyField.isBlank() ? "LeadFlow_Key__c" : taskKeyField.strip();
    scoreField = optionalField(scoreField, "LeadFlow_Score__c");
    interestField = optionalField(interestField, "LeadFlow_Interest__c");
    Map<LeadStatus, String> merged = new EnumMap<>(DEFAULT_STATUSES);
    if (statuses != null) {
      merged.putAll(statuses);
    }
    statuses = Map.copyOf(merged);
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
    requestLimitPause = requestLimitPause == null ? Duration.ofHours(1) : requestLimitPause;
  }

  /** Unset: the default field; set blank: no field. */
  private static String optionalField(String configured, String defaultField) {
    if (configured == null) {
      return defaultField;
    }
    return configured.isBlank() ? null : configured.strip();
  }

  private static Map<LeadStatus, String> defaults() {
    Map<LeadStatus, String> statuses = new EnumMap<>(LeadStatus.class);
    statuses.put(LeadStatus.NEW, OPEN);
    statuses.put(LeadStatus.CAPTURED, OPEN);
    statuses.put(LeadStatus.AWAITING_ACK, OPEN);
    statuses.put(LeadStatus.IN_CADENCE, WORKING);
    statuses.put(LeadStatus.ENGAGED, WORKING);
    statuses.put(LeadStatus.MEETING_BOOKED, WORKING);
    statuses.put(LeadStatus.NURTURE, NOT_CONVERTED);
    statuses.put(LeadStatus.DISQUALIFIED, NOT_CONVERTED);
    statuses.put(LeadStatus.OPTED_OUT, NOT_CONVERTED);
    statuses.put(LeadStatus.CONVERTED, CONVERTED);
    return Map.copyOf(statuses);
  }

  /** Without the client secret: properties get printed (actuator, failure reports). */
  @Override
  public String toString() {
    return "SalesforceProperties[loginUrl=" + loginUrl + ", clientId=" + clientId + ", clientSecret=***, apiVersion="
        + apiVersion + ", leadIdField=" + leadIdField + ", taskKeyField=" + taskKeyField + ", scoreField=" + scoreField
        + ", interestField=" + interestField + ", statuses=" + statuses + ", connectTimeout=" + connectTimeout
        + ", readTimeout=" + readTimeout + ", requestLimitPause=" + requestLimitPause + "]";
  }
}
