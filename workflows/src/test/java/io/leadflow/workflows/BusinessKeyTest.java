package io.leadflow.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keys built from outside data fit the store's columns whatever the input, and stay distinct. */
class BusinessKeyTest {

  @Test
  void aShortKeyIsTheJoinedParts() {
    assertThat(BusinessKey.of("lead-1", "ana", "new-lead-1")).isEqualTo("lead-1:ana:new-lead-1");
  }

  @Test
  void aLongKeyFitsItsColumnKeepsItsStartAndStaysDistinct() {
    String first = BusinessKey.of("lead-1", "ana", "reply-" + "m".repeat(10_000) + "1");
    String second = BusinessKey.of("lead-1", "ana", "reply-" + "m".repeat(10_000) + "2");

    assertThat(first).hasSize(BusinessKey.MAX_LENGTH).startsWith("lead-1:ana:reply-mmm").isNotEqualTo(second);
    assertThat(BusinessKey.of("lead-1", "ana", "reply-" + "m".repeat(10_000) + "1")).isEqualTo(first);
  }

  @Test
  void aRepNoticeKindFromAProviderMessageIdFitsItsColumn() {
    RepNotice notice = new RepNotice("lead-1", "ana", "reply-" + "m".repeat(500), "The lead replied");

    assertThat(notice.kind()).hasSize(RepNotice.KIND_LENGTH);
    assertThat(notice.businessKey().length()).isLessThanOrEqualTo(BusinessKey.MAX_LENGTH);
  }
}
