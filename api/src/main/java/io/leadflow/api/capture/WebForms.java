package io.leadflow.api.capture;

import io.leadflow.api.forms.FormSource;
import io.leadflow.api.forms.FormSources;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.cors.CorsConfiguration;

/**
 * What a capture by a form key goes through besides the capture itself: the browser's origin
 * must be one the form source allows (its pages' scripts then may read the answer: CORS), and a
 * bot's submission (honeypot filled, or sent sooner than {@code minFillSeconds} after the page's
 * {@code renderedAt}, or without a readable {@code renderedAt} when a minimum is set) is answered
 * exactly like a person's (thank-you redirect, or 202 with a capture id that names nothing),
 * stored nowhere, and counted: on the form source and in {@code leadflow.capture.form.caught}
 * (tags {@code source}, {@code reason}).
 */
@Component
class WebForms {

  private final FormSources sources;
  private final MeterRegistry meters;
  private final Clock clock = Clock.systemUTC();

  WebForms(FormSources sources, MeterRegistry meters) {
    this.sources = sources;
    this.meters = meters;
  }

  /** The origin to answer {@code Access-Control-Allow-Origin} with; a 403 when the form source does not allow it. */
  String allowedOrigin(FormSource source, String origin) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(source.allowedOrigins());
    String allowed = origin == null ? null : cors.checkOrigin(origin);
    if (allowed == null) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.FORBIDDEN,
              origin == null
                  ? "A form key is sent by a browser from an allowed origin; this request has no Origin."
                  : "This form does not take submissions from " + origin + ".");
      throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }
    return allowed;
  }

  /** Empty for a person's submission; otherwise why it is a bot's, already counted. */
  Optional<FormSource.Caught> caught(FormSource source, MultiValueMap<String, String> form) {
    Optional<FormSource.Caught> caught = Optional.empty();
    if (source.honeypotField() != null && form.getOrDefault(source.honeypotField(), List.of()).stream().anyMatch(v -> v != null && !v.isEmpty())) {
      caught = Optional.of(FormSource.Caught.HONEYPOT);
    } else if (source.minFillSeconds() > 0 && tooFast(form.getFirst(FormSource.RENDERED_AT_FIELD), source.minFillSeconds())) {
      caught = Optional.of(FormSource.Caught.TOO_FAST);
    }
    caught.ifPresent(why -> {
      sources.caught(source.id(), why);
      Counter.builder("leadflow.capture.form.caught")
          .description("Form submissions taken for a bot's: answered as usual, stored nowhere")
          .tag("source", source.name())
          .tag("reason", why.name().toLowerCase().replace('_', '-'))
          .register(meters)
          .increment();
    });
    return caught;
  }

  /**
   * Sooner than {@code minSeconds} after the page was rendered. A time ahead of ours (a browser's
   * clock running fast) is not held against the person; a missing or unreadable one is a bot's.
   */
  private boolean tooFast(String renderedAt, int minSeconds) {
    Optional<Instant> rendered = instant(renderedAt);
    if (rendered.isEmpty()) {
      return true;
    }
    Duration taken = Duration.between(rendered.get(), clock.instant());
    return !taken.isNegative() && taken.compareTo(Duration.ofSeconds(minSeconds)) < 0;
  }

  /** Epoch milliseconds (JavaScript's {@code Date.now()}) or an ISO-8601 instant. */
  private static Optional<Instant> instant(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      String value = text.strip();
      return Optional.of(value.chars().allMatch(Character::isDigit) && value.length() <= 15
          ? Instant.ofEpochMilli(Long.parseLong(value))
          : Instant.parse(value));
    } catch (DateTimeParseException | NumberFormatException unreadable) {
      return Optional.empty();
    }
  }

  /** What the person (or the bot) sees: the thank-you page, else 202 with the capture's id. */
  static ResponseEntity<CaptureAnswer> answer(FormSource source, UUID captureId, String allowedOrigin) {
    ResponseEntity.BodyBuilder answer =
        source.thankYouUrl() == null
            ? ResponseEntity.status(HttpStatus.ACCEPTED)
            : ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(source.thankYouUrl()));
    return answer
        .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowedOrigin)
        .header(HttpHeaders.VARY, HttpHeaders.ORIGIN)
        .body(source.thankYouUrl() == null ? new CaptureAnswer(captureId, null, null, null) : null);
  }
}
