package io.leadflow.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a lead's state carries through continue-as-new stays bounded whatever the public sends. */
class LeadStateTest {

  @Test
  void engagementsAndSeenIdsStayBoundedAndRecentRedeliveriesAreStillCaught() {
    LeadState state = LeadState.of("lead-1");
    for (int i = 0; i < 10_000; i++) {
      EngagementEvent event = new EngagementEvent("form-fill", "again", "capture-" + i);
      if (state.firstSight(event)) {
        state.engaged(event);
      }
      state.firstSight(new Reply(Channel.SMS, "hi", "SM" + i));
    }

    assertThat(state.engagements()).hasSize(LeadState.ENGAGEMENTS_KEPT).last().extracting(EngagementEvent::eventId).isEqualTo("capture-9999");
    assertThat(state.seenEventIds()).hasSize(LeadState.SEEN_IDS_KEPT);
    assertThat(state.seenMessageIds()).hasSize(LeadState.SEEN_IDS_KEPT);
    assertThat(state.firstSight(new EngagementEvent("form-fill", "again", "capture-9999"))).isFalse();
    assertThat(state.firstSight(new Reply(Channel.SMS, "hi", "SM9998"))).isFalse();
  }
}
