package io.leadflow.api.templates;

import io.leadflow.activities.messages.MessageRenderer;
import io.leadflow.activities.messages.MessageTemplateStore;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The template store and renderer from activities, which the API does not scan. */
@Configuration(proxyBeanMethods = false)
@Import({MessageTemplateStore.class, MessageRenderer.class})
class TemplateConfiguration {}
