package io.leadflow.api.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkflowSummaryTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "web      | demo request                                                    | web · demo request",
        "partner  | call me on 212 555 0100                                         | partner · interest withheld",
        "ads      | write to sarah@acme.test                                        | ads · interest withheld",
        "web      | an enterprise plan for the whole sales organisation and support | web · an enterprise plan for the whole sales organisation and sup…"
      })
  void theSummaryIsTheSourceAndTheTopicNeverAContact(String source, String interest, String summary) {
    assertThat(WorkflowSummary.summaryOf(source, interest)).isEqualTo(summary);
  }

  @Test
  void theDetailsPointFromTheLeadIdToTheApi() {
    UUID leadId = UUID.randomUUID();

    assertThat(WorkflowSummary.detailsOf(leadId, "web")).contains("Lead " + leadId + " from web", "GET /api/v1/leads/" + leadId);
  }
}
