package io.leadflow.api.templates;

import io.leadflow.activities.messages.MessageRenderer;
import io.leadflow.activities.messages.MessageTemplateStore;
import io.leadflow.activities.messages.VariantRules;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The template store, variant rules and renderer from activities, which the API does not scan. */
@Configuration(proxyBeanMethods = false)
@Import({MessageTemplateStore.class, VariantRules.class, MessageRenderer.class})
class TemplateConfiguration {}
