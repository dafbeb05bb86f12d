package io.leadflow.api.reports;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console, a static page ({@code static/console/}) that draws these reports: {@code /console}
 * opens it. The page holds no data; it calls the report endpoints with the key the user pastes in.
 */
@Configuration(proxyBeanMethods = false)
class ConsolePage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/console", "/console/index.html");
    registry.addRedirectViewController("/console/", "/console/index.html");
  }
}
