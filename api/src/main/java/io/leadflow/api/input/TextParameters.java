package io.leadflow.api.input;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Query parameters and path variables obey {@link TextRule} (a single line each), checked before
 * a controller reads them: a 400 that names the parameter instead of a filter PostgreSQL refuses.
 */
@Component
class TextParameters implements HandlerInterceptor {

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(ChecksItsOwnText.class)) {
      return true;
    }
    Map<String, String> errors = new TreeMap<>();
    request.getParameterMap().forEach((name, values) -> {
      TextRule.violation(name, false).ifPresent(violation -> errors.put("parameter name", violation));
      for (String value : values) {
        TextRule.violation(value, false).ifPresent(violation -> errors.put(name, violation));
      }
    });
    if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
      variables.forEach(
          (name, value) -> TextRule.violation(String.valueOf(value), false).ifPresent(violation -> errors.put(String.valueOf(name), violation)));
    }
    if (!errors.isEmpty()) {
      throw new ErrorResponseException(
          HttpStatus.BAD_REQUEST, InputProblems.invalid(InputProblems.INVALID_PARAMETERS, errors), null);
    }
    return true;
  }
}
