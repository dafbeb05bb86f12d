package io.leadflow.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started the stack where to send requests, once the API takes them: after the
 * startup runners (the development keys among them), not merely when the port is open.
 */
@Component
class ApiAddressLogger implements ApplicationListener<ApplicationReadyEvent> {

  private static final Logger log = LoggerFactory.getLogger(ApiAddressLogger.class);

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
      log.info("LeadFlow API ready at http://localhost:{}/api/v1/leads", web.getWebServer().getPort());
    }
  }
}
