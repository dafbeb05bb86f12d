package io.leadflow.api;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request whose body is too large to hold and is read as a stream (a list import's CSV): the
 * bytes are counted as the endpoint reads them, and the read past the limit throws
 * {@link BodyTooLarge}, a 413, before anything the endpoint stored is committed.
 */
final class CountedBodyRequest extends HttpServletRequestWrapper {

  /** The body went past its endpoint's limit while it was being read. */
  static final class BodyTooLarge extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    BodyTooLarge(long limit) {
      super(
          HttpStatus.CONTENT_TOO_LARGE,
          ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "The request body is over " + limit + " bytes."),
          null);
      getHeaders().set(HttpHeaders.CONNECTION, "close"); // the rest is never read
    }
  }

  private final long limit;
  private ServletInputStream counted;

  CountedBodyRequest(HttpServletRequest request, long limit) {
    super(request);
    this.limit = limit;
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (counted == null) {
      counted = new Counted(super.getInputStream());
    }
    return counted;
  }

  @Override
  public BufferedReader getReader() throws IOException {
    return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
  }

  private final class Counted extends ServletInputStream {

    private final ServletInputStream body;
    private long read;

    Counted(ServletInputStream body) {
      this.body = body;
    }

    @Override
    public int read() throws IOException {
      int b = body.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = body.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > limit) {
        throw new BodyTooLarge(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return body.isFinished();
    }

    @Override
    public boolean isReady() {
      return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      body.setReadListener(listener);
    }
  }
}
