package io.leadflow.api.security;

import io.leadflow.api.forms.FormSource;
import io.leadflow.api.forms.FormSources;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A web form proves itself with its publishable form key, sent as the form field
 * {@value FormSource#KEY_FIELD}: only on {@code POST /api/v1/leads} with a form-encoded body, and
 * only when no API key was presented. The caller is then the {@link FormSource} with role FORM,
 * which may capture and nothing else. An unknown key is 401.
 */
@Component
class FormKeyAuthenticationFilter extends OncePerRequestFilter {

  static final String ROLE = "FORM";

  private final FormSources sources;
  private final ProblemResponses problems;

  FormKeyAuthenticationFilter(FormSources sources, ProblemResponses problems) {
    this.sources = sources;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String formKey = isFormCapture(request) && SecurityContextHolder.getContext().getAuthentication() == null
        ? request.getParameter(FormSource.KEY_FIELD)
        : null;
    if (formKey != null && !formKey.isBlank()) {
      Optional<FormSource> source;
      try {
        source = sources.byKey(formKey.strip());
      } catch (DataAccessException storeDown) {
        problems.storeUnavailable(request, response);
        return;
      }
      if (source.isEmpty()) {
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "This form key is unknown or was deleted.");
        return;
      }
      SecurityContextHolder.getContext().setAuthentication(
          UsernamePasswordAuthenticationToken.authenticated(source.get(), null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
    }
    chain.doFilter(request, response);
  }

  private static boolean isFormCapture(HttpServletRequest request) {
    if (!HttpMethod.POST.matches(request.getMethod()) || !"/api/v1/leads".equals(request.getRequestURI()) || request.getContentType() == null) {
      return false;
    }
    try {
      return MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(request.getContentType()));
    } catch (InvalidMediaTypeException unreadable) {
      return false; // answered 415 by the controller's mapping
    }
  }
}
