package io.leadflow.api;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A request whose body was already read, within its limit, by {@link RequestSizeLimit}: every
 * reader (Jackson, a byte[] body, form parameters) gets those bytes. The container no longer parses
 * a form body once its stream was read, so form parameters are parsed here, after the query's.
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

  private final byte[] body;
  private Map<String, String[]> parameters;

  BufferedBodyRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream bytes = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return bytes.read();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        return bytes.read(buffer, offset, length);
      }

      @Override
      public boolean isFinished() {
        return bytes.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        try {
          listener.onDataAvailable();
          listener.onAllDataRead();
        } catch (IOException e) {
          listener.onError(e);
        }
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset()));
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  @Override
  public String getParameter(String name) {
    String[] values = getParameterMap().get(name);
    return values == null ? null : values[0];
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return Collections.enumeration(getParameterMap().keySet());
  }

  @Override
  public String[] getParameterValues(String name) {
    return getParameterMap().get(name);
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    if (parameters == null) {
      Map<String, String[]> merged = new LinkedHashMap<>(super.getParameterMap());
      form().forEach((name, values) -> merged.merge(name, values.toArray(String[]::new), BufferedBodyRequest::concat));
      parameters = Collections.unmodifiableMap(merged);
    }
    return parameters;
  }

  /** The form body's parameters; none for any other body (or a form whose type names no charset we know). */
  private MultiValueMap<String, String> form() {
    MediaType type = mediaType();
    if (type == null || body.length == 0 || !MediaType.APPLICATION_FORM_URLENCODED.includes(type)) {
      return new LinkedMultiValueMap<>();
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    try {
      return new FormHttpMessageConverter().read(null, new HttpInputMessage() {
        @Override
        public InputStream getBody() {
          return new ByteArrayInputStream(body);
        }

        @Override
        public HttpHeaders getHeaders() {
          return headers;
        }
      });
    } catch (IOException | IllegalArgumentException unreadable) {
      return new LinkedMultiValueMap<>();
    }
  }

  private MediaType mediaType() {
    try {
      return getContentType() == null ? null : MediaType.parseMediaType(getContentType());
    } catch (InvalidMediaTypeException malformed) {
      return null;
    }
  }

  private Charset charset() {
    try {
      return getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
    } catch (IllegalArgumentException unknown) {
      return StandardCharsets.UTF_8;
    }
  }

  private static String[] concat(String[] first, String[] second) {
    return Stream.concat(Stream.of(first), Stream.of(second)).toArray(String[]::new);
  }
}
