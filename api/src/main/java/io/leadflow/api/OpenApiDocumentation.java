package io.leadflow.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * OpenAPI at /v3/api-docs, Swagger UI at /swagger-ui.html. Written here, in one place, rather
 * than in annotations on every controller: each operation's summary, its real success statuses,
 * its error statuses with the RFC 9457 {@code Problem} schema, and its security (an API key for
 * /api/v1/**, none for the provider-signed webhooks). ApiFuzzTest fuzzes this document.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
    info =
        @Info(
            title = "LeadFlow API",
            version = "v1",
            description = "Capture leads, read them, and act on them as a rep. Errors are RFC 9457 problem+json."),
    security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer", description = "An API key: Authorization: Bearer <key>")
class OpenApiDocumentation {

  static final String PROBLEM_JSON = "application/problem+json";
  static final String WEBHOOKS = "/api/v1/webhooks/";

  /** One line per operation, keyed "METHOD path". */
  private static final Map<String, String> SUMMARIES =
      Map.ofEntries(
          Map.entry("POST /api/v1/leads", "Capture a lead from a form or feed (JSON, or form-encoded with a form key)"),
          Map.entry("GET /api/v1/leads", "List leads, newest first"),
          Map.entry("GET /api/v1/leads/{id}", "Read a lead with its live state"),
          Map.entry("GET /api/v1/leads/{id}/timeline", "Read a lead's history in words"),
          Map.entry("POST /api/v1/leads/{id}/acknowledge", "Acknowledge a lead as its assignee"),
          Map.entry("POST /api/v1/leads/{id}/replies", "Record a reply: the cadence stops"),
          Map.entry("POST /api/v1/leads/{id}/disqualify", "Disqualify a lead"),
          Map.entry("POST /api/v1/leads/{id}/meeting", "Record a booked meeting"),
          Map.entry("POST /api/v1/leads/{id}/meeting/cancel", "Record that the lead cancelled the booked meeting"),
          Map.entry("POST /api/v1/leads/{id}/opt-out", "Opt a person out of one or every channel"),
          Map.entry("POST /api/v1/leads/{id}/reassign", "Give a lead to another rep (managers, admins)"),
          Map.entry("POST /api/v1/leads/{id}/convert", "Close a lead the CRM took over (managers, admins)"),
          Map.entry("GET /api/v1/reports/speed-to-lead", "Speed to lead and SLA compliance"),
          Map.entry("GET /api/v1/reports/funnel", "The lead funnel, by first- or last-touch source and campaign"),
          Map.entry("GET /api/v1/reports/routing-health", "Escalation and reassignment rates"),
          Map.entry("GET /api/v1/reports/awaiting-ack", "Leads waiting for an acknowledgement"),
          Map.entry("GET /api/v1/admin/cadences", "List cadence definitions, every version"),
          Map.entry("POST /api/v1/admin/cadences", "Save a cadence as its next version"),
          Map.entry("GET /api/v1/admin/templates", "List message templates, newest version of each"),
          Map.entry("GET /api/v1/admin/templates/{name}", "Read every version of a message template"),
          Map.entry("POST /api/v1/admin/templates/{name}", "Save a message template as its next version"),
          Map.entry("POST /api/v1/admin/templates/{name}/preview", "Render a template version as it would be sent"),
          Map.entry("GET /api/v1/admin/templates/{name}/variants", "Read a template's variant rules"),
          Map.entry("PUT /api/v1/admin/templates/{name}/variants", "Save a template's variant rules as their next version"),
          Map.entry("GET /api/v1/reports/templates", "Replies and meetings per template version"),
          Map.entry("POST /api/v1/admin/api-keys", "Create an API key (shown once)"),
          Map.entry("GET /api/v1/admin/api-keys", "List API keys, without their secrets"),
          Map.entry("DELETE /api/v1/admin/api-keys/{id}", "Revoke an API key"),
          Map.entry("GET /api/v1/admin/outbox/dead-letters", "List captures the relay gave up on"),
          Map.entry("POST /api/v1/admin/outbox/{id}/replay", "Replay a dead-lettered capture"),
          Map.entry("POST /api/v1/admin/imports", "Import a CSV list of leads with a column mapping"),
          Map.entry("GET /api/v1/admin/imports", "List imports, newest first"),
          Map.entry("GET /api/v1/admin/imports/{id}", "Read an import's progress"),
          Map.entry("GET /api/v1/admin/imports/{id}/rows", "List an import's row results in file order"),
          Map.entry("GET /api/v1/admin/imports/{id}/rows.csv", "Download an import's row results as CSV"),
          Map.entry("GET /api/v1/admin/reps", "List reps"),
          Map.entry("GET /api/v1/admin/reps/{id}", "Read a rep"),
          Map.entry("PUT /api/v1/admin/reps/{id}", "Create or replace a rep"),
          Map.entry("DELETE /api/v1/admin/reps/{id}", "Delete a rep"),
          Map.entry("GET /api/v1/admin/territories", "List territories"),
          Map.entry("GET /api/v1/admin/territories/{id}", "Read a territory"),
          Map.entry("PUT /api/v1/admin/territories/{id}", "Create or replace a territory"),
          Map.entry("DELETE /api/v1/admin/territories/{id}", "Delete a territory"),
          Map.entry("GET /api/v1/admin/accounts", "List named accounts"),
          Map.entry("GET /api/v1/admin/accounts/{id}", "Read a named account"),
          Map.entry("PUT /api/v1/admin/accounts/{id}", "Create or replace a named account"),
          Map.entry("DELETE /api/v1/admin/accounts/{id}", "Delete a named account"),
          Map.entry("GET /api/v1/admin/skill-rules", "List skill routing rules"),
          Map.entry("PUT /api/v1/admin/skill-rules/{skill}", "Create or replace a skill rule"),
          Map.entry("DELETE /api/v1/admin/skill-rules/{skill}", "Delete a skill rule"),
          Map.entry("GET /api/v1/admin/form-sources", "List web form sources with their form keys"),
          Map.entry("GET /api/v1/admin/form-sources/{name}", "Read a web form source"),
          Map.entry("PUT /api/v1/admin/form-sources/{name}", "Create a web form source (new form key) or change its settings"),
          Map.entry("DELETE /api/v1/admin/form-sources/{name}", "Delete a web form source: its key stops working"),
          Map.entry("GET /api/v1/admin/scoring-rules", "Read the scoring rules in force"),
          Map.entry("PUT /api/v1/admin/scoring-rules", "Replace the scoring rules"),
          Map.entry("DELETE /api/v1/admin/scoring-rules", "Go back to the configured scoring rules"),
          Map.entry("POST /api/v1/admin/intake-sources", "Create an intake source (its secret shown once)"),
          Map.entry("GET /api/v1/admin/intake-sources", "List intake sources, without their secrets"),
          Map.entry("GET /api/v1/admin/intake-sources/{name}", "Read an intake source's mapping"),
          Map.entry("PUT /api/v1/admin/intake-sources/{name}", "Replace an intake source's mapping"),
          Map.entry("DELETE /api/v1/admin/intake-sources/{name}", "Delete an intake source and its deliveries"),
          Map.entry("POST /api/v1/admin/intake-sources/{name}/secret", "Rotate an intake source's secret (shown once)"),
          Map.entry("POST /api/v1/admin/intake-sources/{name}/test", "Show what a sample payload would become; stores nothing"),
          Map.entry("GET /api/v1/admin/intake-sources/{name}/failed", "List kept deliveries whose payload did not map"),
          Map.entry("POST /api/v1/admin/intake-sources/{name}/failed/{id}/replay", "Replay a kept failed delivery with the mapping now"),
          Map.entry("POST /api/v1/webhooks/intake/{source}", "Deliver a lead from a form or ad tool (signed per source)"),
          Map.entry("GET /api/v1/admin/tracked-numbers", "List the team's tracked numbers and their campaigns"),
          Map.entry("GET /api/v1/admin/tracked-numbers/{number}", "Read a tracked number"),
          Map.entry("PUT /api/v1/admin/tracked-numbers/{number}", "Track a number for a campaign, or replace its campaign"),
          Map.entry("DELETE /api/v1/admin/tracked-numbers/{number}", "Stop tracking a number"),
          Map.entry("GET /api/v1/codec", "Check the key may use the Temporal codec"),
          Map.entry("POST /api/v1/codec/decode", "Decrypt Temporal payloads (codec server)"),
          Map.entry("POST /api/v1/codec/encode", "Encrypt Temporal payloads (codec server)"),
          Map.entry("POST /api/v1/webhooks/sendgrid/events", "SendGrid event webhook (signed)"),
          Map.entry("POST /api/v1/webhooks/sendgrid/inbound", "SendGrid inbound parse (signed)"),
          Map.entry("POST /api/v1/webhooks/twilio/sms", "Twilio incoming SMS (signed)"),
          Map.entry("POST /api/v1/webhooks/calendly", "Calendly invitee booked or canceled (signed)"),
          Map.entry("POST /api/v1/webhooks/hubspot", "HubSpot contact changes (signed, v3)"),
          Map.entry("POST /api/v1/webhooks/twilio/status", "Twilio message status (signed)"),
          Map.entry("POST /api/v1/webhooks/twilio/voice", "Twilio incoming call: TwiML that forwards it or apologises (signed)"),
          Map.entry("POST /api/v1/webhooks/twilio/voice/dial", "Twilio forwarded call ended: captures the caller (signed)"),
          Map.entry("GET /api/v1/webhooks/email/unsubscribe", "Unsubscribe page of an email link (signed token)"),
          Map.entry("POST /api/v1/webhooks/email/unsubscribe", "One-click unsubscribe, RFC 8058 (signed token)"));

  /** Success statuses other than what springdoc reads from the method (a ResponseEntity reads as 200). */
  private static final Map<String, List<String>> SUCCESSES =
      Map.ofEntries(
          Map.entry("POST /api/v1/leads", List.of("202", "200", "303")),
          Map.entry("POST /api/v1/leads/{id}/replies", List.of("202")),
          Map.entry("POST /api/v1/leads/{id}/disqualify", List.of("202")),
          Map.entry("POST /api/v1/leads/{id}/meeting", List.of("202")),
          Map.entry("POST /api/v1/leads/{id}/meeting/cancel", List.of("202")),
          Map.entry("POST /api/v1/leads/{id}/opt-out", List.of("202")),
          Map.entry("POST /api/v1/leads/{id}/reassign", List.of("202")),
          Map.entry("POST /api/v1/leads/{id}/convert", List.of("202")),
          Map.entry("POST /api/v1/admin/outbox/{id}/replay", List.of("202")),
          Map.entry("POST /api/v1/admin/imports", List.of("202", "200")),
          Map.entry("PUT /api/v1/admin/reps/{id}", List.of("201", "200")),
          Map.entry("POST /api/v1/admin/intake-sources", List.of("201")),
          Map.entry("POST /api/v1/admin/intake-sources/{name}/failed/{id}/replay", List.of("202")),
          Map.entry("POST /api/v1/webhooks/intake/{source}", List.of("202")),
          Map.entry("PUT /api/v1/admin/territories/{id}", List.of("201", "200")),
          Map.entry("PUT /api/v1/admin/accounts/{id}", List.of("201", "200")),
          Map.entry("PUT /api/v1/admin/skill-rules/{skill}", List.of("201", "200")),
          Map.entry("PUT /api/v1/admin/form-sources/{name}", List.of("201", "200")),
          Map.entry("PUT /api/v1/admin/tracked-numbers/{number}", List.of("201", "200")));

  private static final Map<String, String> SUCCESS_WORDS =
      Map.of("200", "OK", "201", "Created", "202", "Accepted", "204", "No content", "303", "See other");

  /** Error statuses particular to an operation, beside those every operation has. */
  private static final Map<String, List<String>> ERRORS =
      Map.ofEntries(
          Map.entry("POST /api/v1/leads", List.of("422", "429")),
          Map.entry("POST /api/v1/leads/{id}/acknowledge", List.of("409", "422")),
          Map.entry("POST /api/v1/leads/{id}/replies", List.of("409")),
          Map.entry("POST /api/v1/leads/{id}/disqualify", List.of("409")),
          Map.entry("POST /api/v1/leads/{id}/meeting", List.of("409")),
          Map.entry("POST /api/v1/leads/{id}/meeting/cancel", List.of("409")),
          Map.entry("POST /api/v1/leads/{id}/reassign", List.of("409")),
          Map.entry("POST /api/v1/leads/{id}/convert", List.of("409")),
          Map.entry("POST /api/v1/admin/outbox/{id}/replay", List.of("409")),
          Map.entry("PUT /api/v1/admin/reps/{id}", List.of("409")),
          Map.entry("POST /api/v1/admin/intake-sources", List.of("409")),
          Map.entry("POST /api/v1/admin/intake-sources/{name}/failed/{id}/replay", List.of("409", "422", "429")),
          Map.entry("POST /api/v1/webhooks/intake/{source}", List.of("409", "422", "429")),
          Map.entry("GET /api/v1/webhooks/email/unsubscribe", List.of("410")),
          Map.entry("POST /api/v1/webhooks/email/unsubscribe", List.of("410")));

  private static final Map<String, String> ERROR_WORDS =
      Map.ofEntries(
          Map.entry("400", "Invalid input; `errors` names each invalid field or parameter"),
          Map.entry("401", "No API key, or an unknown or revoked one"),
          Map.entry("403", "The key's role may not do this"),
          Map.entry("404", "No such resource, or not one the caller may see"),
          Map.entry("409", "Conflicts with the resource's state (the detail says which)"),
          Map.entry("410", "The link has expired"),
          Map.entry("413", "The body is over the endpoint's limit"),
          Map.entry("415", "Not a media type the endpoint takes (JSON where JSON is documented)"),
          Map.entry("422", "Understood but cannot be done (the detail says why)"),
          Map.entry("429", "Rate limited; retry after Retry-After"),
          Map.entry("503", "PostgreSQL or Temporal unreachable; nothing stored, retry after Retry-After"));

  @Bean
  OpenApiCustomizer leadflowOpenApi() {
    return OpenApiDocumentation::customise;
  }

  static void customise(OpenAPI api) {
    if (api.getComponents() == null) {
      api.setComponents(new Components());
    }
    api.getComponents().addSchemas("Problem", problemSchema());
    if (api.getPaths() == null) {
      return;
    }
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach((method, operation) -> customise(method.name() + " " + path, path, method, operation)));
  }

  private static void customise(String key, String path, PathItem.HttpMethod method, Operation operation) {
    operation.setSummary(SUMMARIES.getOrDefault(key, operation.getSummary() != null ? operation.getSummary() : key));
    boolean webhook = path.startsWith(WEBHOOKS);
    boolean unsubscribe = path.startsWith(WEBHOOKS + "email/");
    if (webhook) {
      operation.setSecurity(List.of());
      operation.setDescription(
          unsubscribe
              ? "No API key: the link carries a signed, expiring token."
              : "No API key: the provider signs each request, and the signature is checked before any event is read.");
    }
    ApiResponses before = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    ApiResponses after = new ApiResponses();
    Map<String, ApiResponse> successes = new TreeMap<>();
    before.forEach((status, response) -> {
      if (status.startsWith("2")) {
        successes.put(status, json(response));
      }
    });
    List<String> real = SUCCESSES.get(key);
    if (real == null) {
      successes.forEach(after::addApiResponse);
    } else {
      Content content = successes.values().stream().map(ApiResponse::getContent).filter(c -> c != null).findFirst().orElse(null);
      for (String status : real) {
        after.addApiResponse(status, new ApiResponse().description(SUCCESS_WORDS.get(status)).content(content));
      }
    }
    if (key.equals("POST /api/v1/webhooks/email/unsubscribe")) {
      after.addApiResponse("200", new ApiResponse().description("Unsubscribed: a page saying so").content(html()));
    }
    if (key.equals("POST /api/v1/admin/imports")) {
      after.get("202").description("A new import: the file is stored, its rows are captured in the background");
      after.get("200").description("The same file with the same source and mapping was imported before: that import");
      operation.setRequestBody(new io.swagger.v3.oas.models.parameters.RequestBody().required(true)
          .description("The CSV itself, UTF-8, a header row first; read as a stream")
          .content(new Content().addMediaType("text/csv", new MediaType().schema(new StringSchema()))));
    }
    if (key.equals("GET /api/v1/admin/imports/{id}/rows.csv")) {
      after.addApiResponse("200", new ApiResponse().description("OK")
          .content(new Content().addMediaType("text/csv", new MediaType().schema(new StringSchema()))));
    }
    if (key.equals("POST /api/v1/leads")) {
      after.get("202").description("A new lead (or, to an ingest key, any capture)");
      after.get("200").description("The person was known: joined their lead (admin keys only)");
      after.addApiResponse("303", new ApiResponse().description("A web form whose source has a thank-you URL: the browser goes there"));
    }
    Map<String, String> errors = new LinkedHashMap<>();
    errors.put("400", ERROR_WORDS.get("400"));
    if (!webhook) {
      errors.put("401", ERROR_WORDS.get("401"));
    }
    errors.put("403", webhook ? (unsubscribe ? "Not a token LeadFlow made" : "The signature is missing or wrong") : ERROR_WORDS.get("403"));
    if (path.contains("{")) {
      errors.put("404", ERROR_WORDS.get("404"));
    }
    if (operation.getRequestBody() != null || method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
      errors.put("413", ERROR_WORDS.get("413"));
      errors.put("415", ERROR_WORDS.get("415"));
    }
    ERRORS.getOrDefault(key, List.of()).forEach(status -> errors.put(status, ERROR_WORDS.get(status)));
    errors.put("503", ERROR_WORDS.get("503"));
    new TreeMap<>(errors).forEach((status, words) -> after.addApiResponse(status, problem(words, key, status)));
    operation.setResponses(after);
    if (key.equals("POST /api/v1/leads")) {
      captureExample(operation);
    }
  }

  /** springdoc writes a body it cannot name as {@code *}/{@code *}: the API answers JSON. */
  private static ApiResponse json(ApiResponse response) {
    Content content = response.getContent();
    if (content != null && content.containsKey("*/*")) {
      MediaType any = content.remove("*/*");
      content.addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, any);
    }
    return response;
  }

  private static ApiResponse problem(String description, String key, String status) {
    if (key.equals("GET /api/v1/webhooks/email/unsubscribe") && status.startsWith("4")) {
      // A person reads this one: the refusals are pages.
      return new ApiResponse().description(description).content(html());
    }
    return new ApiResponse()
        .description(description)
        .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
  }

  private static Content html() {
    return new Content().addMediaType(org.springframework.http.MediaType.TEXT_HTML_VALUE, new MediaType().schema(new StringSchema()));
  }

  private static void captureExample(Operation operation) {
    if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
      return;
    }
    Map<String, Object> example = new LinkedHashMap<>();
    example.put("name", "Sarah Kim");
    example.put("email", "sarah.kim@example.com");
    example.put("phone", "+14155550123");
    example.put("source", "web");
    example.put("interest", "demo request");
    example.put("utmSource", "google");
    example.put("utmMedium", "cpc");
    example.put("utmCampaign", "spring-launch");
    example.put("landingPage", "https://www.example.com/demo?gclid=EAIaIQobChMI");
    example.put("referrer", "https://www.google.com/");
    example.put("gclid", "EAIaIQobChMI");
    example.put("company", "Acme Corp");
    example.put("companySize", 250);
    operation.getRequestBody().getContent().values().forEach(media -> media.setExample(example));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema<?> problemSchema() {
    Schema errors = new ObjectSchema().additionalProperties(new StringSchema()).description("Each invalid field or parameter, and why");
    return new ObjectSchema()
        .description("RFC 9457 problem details")
        .addProperty("type", new StringSchema().format("uri-reference").description("What kind of problem; about:blank when the status says it all"))
        .addProperty("title", new StringSchema().description("A short summary of the problem's kind"))
        .addProperty("status", new IntegerSchema().description("The HTTP status"))
        .addProperty("detail", new StringSchema().description("What went wrong with this request"))
        .addProperty("instance", new StringSchema().format("uri-reference").description("The request's path"))
        .addProperty("errors", errors);
  }
}
