package io.leadflow.api.leads;

import io.leadflow.api.input.MultilineText;
import io.leadflow.workflows.Channel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The bodies of the rep actions; each separate from anything stored. */
final class LeadActions {

  private LeadActions() {}

  /** A reply the rep logs (an answered call is a reply by CALL). */
  record LoggedReply(@NotNull Channel channel, @Size(max = 4000) @MultilineText String body, @Size(max = 200) String messageId) {}

  record Disqualification(@NotBlank @Size(max = 200) String reason) {}

  record Meeting(@NotNull Instant at) {}

  /** {@code channel} CALL, SMS or EMAIL; absent for every channel. */
  record OptOutRequest(Channel channel) {}
}
