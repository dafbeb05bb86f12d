package io.leadflow.workflows;

/** One send the workflow asks for. {@code (leadId, step, channel)} is its idempotency key. */
public record TouchRequest(String leadId, String step, Channel channel) {

  public String businessKey() {
    return leadId + ":" + step + ":" + channel;
  }
}
