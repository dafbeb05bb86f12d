package io.leadflow.api.intake;

/**
 * How a source signs its deliveries. {@code LEADFLOW}: {@code X-LeadFlow-Signature: t=<unix
 * seconds>,v1=<hex HMAC-SHA256 of "t.body">}, refused outside the replay window. {@code TYPEFORM}:
 * Typeform's own {@code Typeform-Signature: sha256=<base64 HMAC-SHA256 of the body>}, which carries
 * no time, so a replay is told apart only by the deliveries LeadFlow remembers
 * ({@code leadflow.intake.keep-for}) and, after that, by capture's dedupe of the same person.
 */
public enum IntakeScheme {
  LEADFLOW,
  TYPEFORM
}
