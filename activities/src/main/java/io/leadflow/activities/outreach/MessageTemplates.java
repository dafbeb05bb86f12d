package io.leadflow.activities.outreach;

import io.leadflow.activities.messages.MessageRenderer;
import io.leadflow.activities.store.Lead;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.TouchRequest;
import org.springframework.stereotype.Component;

/** A touch's message, rendered by {@link MessageRenderer} from the template versions pinned for the lead. */
@Component
class MessageTemplates {

  /**
   * The message and the template (the step's or a variant) and version it came from, recorded with
   * the touch; null for a call or a task, which send no text of their own (they are given the SMS
   * template's).
   */
  record Rendered(Message message, String templateName, Integer templateVersion) {}

  private final MessageRenderer renderer;

  MessageTemplates(MessageRenderer renderer) {
    this.renderer = renderer;
  }

  Rendered render(TouchRequest request, Lead lead) {
    Channel channel = request.channel() == Channel.EMAIL ? Channel.EMAIL : Channel.SMS;
    MessageRenderer.Rendered rendered =
        renderer.render(channel, request.template(), lead, request.assignedRep(), request.templateVersions());
    boolean ownText = request.channel() == channel;
    return new Rendered(
        new Message(rendered.subject(), rendered.text(), rendered.html()),
        ownText ? rendered.templateName() : null,
        ownText ? rendered.templateVersion() : null);
  }
}
