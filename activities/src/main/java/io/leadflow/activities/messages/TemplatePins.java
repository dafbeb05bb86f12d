package io.leadflow.activities.messages;

import io.leadflow.workflows.Channel;
import io.leadflow.workflows.TemplateVersions;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The versions a new lead's touches will send, resolved with its playbook: the newest version of
 * each template it names, of {@code default} (sent for a name that has none), of each variant the
 * rules may choose and of each {@code -hot} variant.
 */
@Component
public class TemplatePins {

  private final MessageTemplateStore templates;
  private final VariantRules variants;

  TemplatePins(MessageTemplateStore templates, VariantRules variants) {
    this.templates = templates;
    this.variants = variants;
  }

  public TemplateVersions newest(Collection<String> names) {
    Set<String> pinned = new LinkedHashSet<>();
    pinned.add(MessageRenderer.FALLBACK);
    for (String name : names) {
      pinned.add(name);
      pinned.add(name + MessageRenderer.HOT);
      pinned.addAll(variants.targets(name));
    }
    return new TemplateVersions(templates.newestVersions(Channel.SMS, pinned), templates.newestVersions(Channel.EMAIL, pinned));
  }
}
