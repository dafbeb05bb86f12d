package io.leadflow.api.input;

import java.time.Instant;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The input rules for what is not a body: instants in parameters, and the text of parameters on
 * the API's own endpoints. Provider webhooks take what the provider sends (their text is the
 * person's message, stored as sent).
 */
@Configuration(proxyBeanMethods = false)
class InputWebConfiguration implements WebMvcConfigurer {

  private final TextParameters textParameters;

  InputWebConfiguration(TextParameters textParameters) {
    this.textParameters = textParameters;
  }

  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addFormatterForFieldType(Instant.class, new InstantParameters());
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(textParameters).addPathPatterns("/api/**").excludePathPatterns("/api/v1/webhooks/**");
  }
}
