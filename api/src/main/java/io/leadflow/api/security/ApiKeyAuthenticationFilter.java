package io.leadflow.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <key>} (or {@code X-Api-Key}); a key that is not valid is 401.
 * Every request looks its key up in the store (nothing is cached), so a revoked key is refused from
 * the next request on.
 */
@Component
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  private final ApiKeyRepository keys;
  private final ProblemResponses problems;
  private final ApiKeyUsage usage;

  ApiKeyAuthenticationFilter(ApiKeyRepository keys, ProblemResponses problems, ApiKeyUsage usage) {
    this.keys = keys;
    this.problems = problems;
    this.usage = usage;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> presented = presentedKey(request);
    if (presented.isPresent()) {
      Optional<ApiKey> key;
      try {
        key = keys.findByKeyHashAndRevokedAtIsNull(ApiKeys.hash(presented.get()));
      } catch (DataAccessException storeDown) {
        problems.storeUnavailable(request, response);
        return;
      }
      if (key.isEmpty()) {
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "This API key is unknown or revoked.");
        return;
      }
      usage.used(key.get().id());
      ApiPrincipal principal = key.get().principal();
      var authentication =
          UsernamePasswordAuthenticationToken.authenticated(
              principal, null, List.of(new SimpleGrantedAuthority("ROLE_" + principal.role())));
      SecurityContextHolder.getContext().setAuthentication(authentication);
    }
    chain.doFilter(request, response);
  }

  private static Optional<String> presentedKey(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    Optional<String> key =
        authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
            ? Optional.of(authorization.substring(7))
            : Optional.ofNullable(request.getHeader("X-Api-Key"));
    // A blank key is no key, whatever a misconfigured store may hold for it.
    return key.map(String::strip).filter(presented -> !presented.isEmpty());
  }
}
