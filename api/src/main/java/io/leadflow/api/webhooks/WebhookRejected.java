package io.leadflow.api.webhooks;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 403: the request did not prove it came from the provider; nothing was stored or applied. */
class WebhookRejected extends ErrorResponseException {

  private static final long serialVersionUID = 1L;

  WebhookRejected(String why) {
    super(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, why), null);
  }

  /** For a provider's check: {@code rejection(…).ifPresent(WebhookRejected::reject)}. */
  static void reject(String why) {
    throw new WebhookRejected(why);
  }
}
