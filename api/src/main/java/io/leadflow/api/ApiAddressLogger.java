package io.leadflow.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the stack where to send requests. */
@Component
class ApiAddressLogger implements ApplicationListener<WebServerInitializedEvent> {

  private static final Logger log = LoggerFactory.getLogger(ApiAddressLogger.class);

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    log.info(
        "LeadFlow API ready at http://localhost:{}/api/v1/leads", event.getWebServer().getPort());
  }
}
