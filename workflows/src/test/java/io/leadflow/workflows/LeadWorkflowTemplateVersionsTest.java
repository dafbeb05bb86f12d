package io.leadflow.workflows;

import static io.leadflow.workflows.Leads.MONDAY_10AM_NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A running lead sends the template versions planned with its playbook, whatever is saved later. */
class LeadWorkflowTemplateVersionsTest {

  @RegisterExtension final LeadWorkflowExtension temporal = LeadWorkflowExtension.at(MONDAY_10AM_NEW_YORK);
  private final FakeActivities activities = temporal.activities;

  /** The newest version of d3-value as the playbook activity would resolve it right now. */
  private final AtomicInteger newestD3Value = new AtomicInteger(2);

  @Test
  void aTemplateEditedAfterTheLeadStartedDoesNotChangeItsDayThreeEmail() {
    when(activities.playbooks.currentPlaybook())
        .thenAnswer(call -> Leads.PLAYBOOK.withTemplates(versions(newestD3Value.get())));
    LeadWorkflow workflow = temporal.start(Leads.lead("pinned-1"));
    temporal.sleep(Duration.ofMinutes(1));
    workflow.acknowledge("ana");

    newestD3Value.set(3); // an admin saves a new wording on day 1
    temporal.sleep(Duration.ofDays(4));

    FakeActivities.Sent dayThree =
        activities.cadenceSends().stream().filter(s -> s.day() == 3).findFirst().orElseThrow();
    assertThat(dayThree.request().template()).isEqualTo("d3-value");
    assertThat(dayThree.request().templateVersions()).containsEntry("d3-value", 2).containsEntry("d3-value-webinar", 1);
    // A text gets the SMS versions, an email the email ones.
    FakeActivities.Sent dayOneText = activities.sentOn(Channel.SMS).get(activities.sentOn(Channel.SMS).size() - 1);
    assertThat(dayOneText.request().templateVersions()).containsExactly(Map.entry("d1-intro", 4));
  }

  /** Histories from before pinning resolved a playbook without versions: their touches send the newest. */
  @Test
  void aPlaybookWithoutVersionsSendsTheNewest() {
    temporal.start(Leads.lead("pinned-2")).acknowledge("ana");
    temporal.sleep(Duration.ofDays(4));

    assertThat(activities.cadenceSends()).isNotEmpty().allSatisfy(s -> assertThat(s.request().templateVersions()).isNull());
  }

  private static TemplateVersions versions(int d3Value) {
    return new TemplateVersions(Map.of("d1-intro", 4), Map.of("d3-value", d3Value, "d3-value-webinar", 1));
  }
}
