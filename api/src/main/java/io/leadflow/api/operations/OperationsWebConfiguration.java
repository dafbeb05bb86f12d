package io.leadflow.api.operations;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the lead logging context for the lead endpoints. */
@Configuration(proxyBeanMethods = false)
class OperationsWebConfiguration implements WebMvcConfigurer {

  private final RequestLogContext requestLogContext;

  OperationsWebConfiguration(RequestLogContext requestLogContext) {
    this.requestLogContext = requestLogContext;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(requestLogContext).addPathPatterns("/api/v1/leads/*", "/api/v1/leads/*/**");
  }
}
