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

  /** To another rep, by a manager's or an admin's decision (or a Salesforce flow's, through an admin key). */
  record Reassign(@NotBlank @Size(max = 64) String repId, @NotBlank @Size(max = 200) String reason) {}

  /** The CRM took the lead over (it became an opportunity or a customer there). */
  record Conversion(@NotBlank @Size(max = 200) String reason) {}

  /** {@code channel} CALL, SMS or EMAIL; absent for every channel. */
  record OptOutRequest(Channel channel) {

    /** A TASK is the rep's own work, not a channel a person can be reached on (found by ApiFuzzTest: a 500). */
    @jakarta.validation.constraints.AssertTrue(message = "channel must be CALL, SMS or EMAIL, or absent for every channel")
    boolean isOptOutChannel() {
      return channel == null || channel == Channel.CALL || channel == Channel.SMS || channel == Channel.EMAIL;
    }
  }
}
