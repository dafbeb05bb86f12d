package io.leadflow.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

class RequestLogContextTest {

  private final RequestLogContext context = new RequestLogContext();
  private final MockHttpServletResponse response = new MockHttpServletResponse();

  @AfterEach
  void clear() {
    MDC.clear();
  }

  @Test
  void aRequestAboutOneLeadLogsWithItsIdsUntilItCompletes() {
    String leadId = UUID.randomUUID().toString();
    MockHttpServletRequest request = requestFor(leadId);

    context.preHandle(request, response, new Object());
    assertThat(MDC.get("leadId")).isEqualTo(leadId);
    assertThat(MDC.get("workflowId")).isEqualTo("lead-" + leadId);

    context.afterCompletion(request, response, new Object(), null);
    assertThat(MDC.get("leadId")).isNull();
    assertThat(MDC.get("workflowId")).isNull();
  }

  @Test
  void whateverElseThePathSaysStaysOutOfTheLogs() {
    context.preHandle(requestFor("sarah@acme.test\nforged line"), response, new Object());

    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }

  private static MockHttpServletRequest requestFor(String id) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/leads/" + id);
    request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("id", id));
    return request;
  }
}
