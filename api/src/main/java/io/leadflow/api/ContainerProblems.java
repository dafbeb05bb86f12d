package io.leadflow.api;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Tomcat answers itself is problem+json too: a request it cannot parse (a control character
 * in the address or a header, {@code %00} in the path), one Spring Security's firewall rejects,
 * a method no servlet takes, an exception that escaped a filter. Spring Boot's {@code /error}
 * page is switched off ({@code application.yml}): without it these reach Tomcat's error report
 * valve, which this one replaces; {@code GET /error} is then an unknown path, a 404.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  private final JsonMapper json;

  ContainerProblems(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      StandardHost host = (StandardHost) context.getParent();
      for (Valve valve : host.getPipeline().getValves()) {
        if (valve instanceof ErrorReportValve) {
          host.getPipeline().removeValve(valve);
        }
      }
      host.setErrorReportValveClass(ProblemReportValve.class.getName());
      host.getPipeline().addValve(new ProblemReportValve(json));
    });
  }

  /** After Spring Boot's customizer, which adds its own HTML error report valve. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  static final class ProblemReportValve extends ErrorReportValve {

    private final JsonMapper json;

    ProblemReportValve(JsonMapper json) {
      // ASCII only, so the body needs no charset: the type stays application/problem+json as everywhere else.
      this.json = json.rebuild().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      AtomicBoolean ioAllowed = new AtomicBoolean(true);
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
      if (!ioAllowed.get()) {
        return;
      }
      HttpStatus known = HttpStatus.resolve(status);
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("type", "about:blank");
      problem.put("title", known != null ? known.getReasonPhrase() : "Error");
      problem.put("status", status);
      problem.put("detail", detail(status, known));
      if (request.getRequestURI() != null) {
        problem.put("instance", request.getRequestURI());
      }
      try {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(json.writeValueAsString(problem));
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException gone) {
        // The client went away or the response can no longer be written: nothing left to tell.
      }
    }

    private static String detail(int status, HttpStatus known) {
      if (status == 400) {
        return "The request is malformed (its address, a header or its encoding) and was not processed.";
      }
      if (status >= 500) {
        return "Something went wrong on our side; it was logged.";
      }
      return (known != null ? known.getReasonPhrase() : "Error " + status) + ".";
    }
  }
}
