package io.leadflow.api.operations;

import io.leadflow.workflows.LeadWorkflows;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Puts {@code leadId} and {@code workflowId} in the logging context of every request about one
 * lead ({@code /api/v1/leads/{id}/...}), so whatever is logged while serving it names the lead
 * and its workflow, never the person.
 */
@Component
class RequestLogContext implements HandlerInterceptor {

  static final String LEAD_ID = "leadId";
  static final String WORKFLOW_ID = "workflowId";

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
        && variables.get("id") instanceof String id
        && isLeadId(id)) {
      MDC.put(LEAD_ID, id);
      MDC.put(WORKFLOW_ID, LeadWorkflows.idFor(id));
    }
    return true;
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    MDC.remove(LEAD_ID);
    MDC.remove(WORKFLOW_ID);
  }

  /** Only a well-formed id goes into the logs: the path is whatever the caller sent. */
  private static boolean isLeadId(String id) {
    try {
      return UUID.fromString(id).toString().equals(id.toLowerCase());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
