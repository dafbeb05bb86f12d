package io.leadflow.api;

import io.leadflow.api.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every body is counted as it arrives, before anything parses it or checks who sent it: past its
 * endpoint's {@link BodyLimits limit} the reading stops and the answer is 413, whether the client
 * declared a Content-Length or sent the body chunked. A body within the limit is handed on as read
 * ({@link BufferedBodyRequest}), so a webhook's signature is checked over exactly these bytes.
 * Multipart bodies (Inbound Parse) are left to the container, whose multipart limits count them
 * as they stream to disk (spring.servlet.multipart). A list import's CSV is not held either: it
 * is counted as its endpoint streams it ({@link CountedBodyRequest}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

  private final BodyLimits limits;
  private final ProblemResponses problems;

  RequestSizeLimit(BodyLimits limits, ProblemResponses problems) {
    this.limits = limits;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isMultipart(request)) {
      chain.doFilter(request, response);
      return;
    }
    long limit = limits.forPath(request.getRequestURI());
    if (request.getContentLengthLong() > limit) {
      tooLarge(request, response, limit);
      return;
    }
    if (limits.streamed(request.getRequestURI())) {
      chain.doFilter(new CountedBodyRequest(request, limit), response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(Math.toIntExact(limit + 1));
    if (body.length > limit) {
      tooLarge(request, response, limit);
      return;
    }
    chain.doFilter(new BufferedBodyRequest(request, body), response);
  }

  /** The rest of the body is never read: the connection closes after the answer. */
  private void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
    response.setHeader(HttpHeaders.CONNECTION, "close");
    problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "The request body is over " + limit + " bytes.");
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0, MediaType.MULTIPART_FORM_DATA_VALUE.length());
  }
}
