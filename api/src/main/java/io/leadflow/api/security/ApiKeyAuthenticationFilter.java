package io.leadflow.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
 *
 * On the Temporal codec the key may also come as the password of {@code Authorization: Basic}: the
 * one credential a browser keeps and sends along for the Temporal UI. Nowhere else: a credential the
 * browser adds by itself to requests other sites can make is what CSRF needs, and the codec changes
 * nothing.
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
    Optional<String> key;
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      key = Optional.of(authorization.substring(7));
    } else if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6) && onTheCodec(request)) {
      key = basicPassword(authorization.substring(6));
    } else {
      key = Optional.ofNullable(request.getHeader("X-Api-Key"));
    }
    // A blank key is no key, whatever a misconfigured store may hold for it.
    return key.map(String::strip).filter(presented -> !presented.isEmpty());
  }

  private static boolean onTheCodec(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.equals(SecurityConfiguration.CODEC) || path.startsWith(SecurityConfiguration.CODEC + "/");
  }

  /** {@code user:password} in base64; the user name is not read. Unreadable is no key (then 401). */
  private static Optional<String> basicPassword(String credentials) {
    try {
      String decoded = new String(Base64.getDecoder().decode(credentials.strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(colon + 1));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }
}
