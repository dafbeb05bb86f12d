package io.leadflow.workflows;

import java.util.Map;

/**
 * The version of each message template a lead's touches send, resolved with its playbook: a
 * template edited after that sends its old wording to this lead and the new one to leads started
 * later. By channel, then template name (variants included); a call or a task has the SMS ones. A
 * name missing here (a variant added later) is sent in its newest version.
 */
public record TemplateVersions(Map<String, Integer> sms, Map<String, Integer> email) {

  public TemplateVersions {
    sms = Map.copyOf(sms);
    email = Map.copyOf(email);
  }

  /** The versions a touch on {@code channel} renders. */
  public Map<String, Integer> of(Channel channel) {
    return channel == Channel.EMAIL ? email : sms;
  }
}
