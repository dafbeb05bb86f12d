package io.leadflow.activities.store;

import io.leadflow.workflows.Channel;
import io.leadflow.workflows.Touch;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One send, unique by business key. Outcome {@code RESERVED} means the send may not have happened
 * yet; otherwise a {@link Touch.Outcome} name. {@code template} is the step's template;
 * {@code renderedTemplate} the one the message was rendered from (it, or a variant) and
 * {@code templateVersion} its version (both null when nothing was rendered).
 */
@Table("touch")
public record TouchRecord(
    @Id Long id,
    UUID leadId,
    String businessKey,
    String step,
    Channel channel,
    String provider,
    String providerMessageId,
    String outcome,
    String template,
    String renderedTemplate,
    Integer templateVersion,
    String providerStatus,
    String detail,
    Long consentId,
    Instant createdAt,
    Instant sentAt) {

  /** Claimed by an attempt that has not called the provider yet: safe to send. */
  public static final String RESERVED = "RESERVED";

  /** An attempt was calling the provider when it stopped: the send may or may not have happened. */
  public static final String SENDING = "SENDING";

  public boolean isReserved() {
    return RESERVED.equals(outcome);
  }

  public boolean isSending() {
    return SENDING.equals(outcome);
  }

  public Touch toTouch() {
    return new Touch(step, channel, Touch.Outcome.valueOf(outcome), provider, providerMessageId, sentAt);
  }
}
