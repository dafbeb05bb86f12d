package io.leadflow.api.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.Sha256;
import io.leadflow.activities.store.Suppressions;
import io.leadflow.api.ApiTest;
import io.leadflow.api.Problems;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ListImportTest extends ApiTest {

  private static final List<String> BADGE_MAPPING =
      List.of("column=Full Name:name", "column=E-mail:email", "column=Company:company", "column=Badge:attributes.badge",
          "default=interest:Badge scan at Expo");

  @Autowired JdbcClient jdbc;
  @Autowired Suppressions suppressions;

  @Test
  void goodBadAndRepeatedRowsEachGetTheirResultAndTheProgressAddsUp() {
    String sarah = uniqueEmail();
    String known = uniqueEmail();
    String knownLead = leadOf(post("/api/v1/leads", INGEST, leadJson(known, null)));
    String csv = """
        Full Name,E-mail,Company,Badge
        Sarah Kim,%s,Acme,B-1
        Tom Bad,not-an-email,Acme,B-2
        ,nameless@acme.test,Acme,B-3
        Sarah Kim,%s,Acme,B-4
        Known Person,%s,Initech,B-5
        Too,Few
        """.formatted(sarah, sarah.toUpperCase(), known);

    HttpResponse<String> uploaded = upload("expo-2026", BADGE_MAPPING, csv);

    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
    String id = body(uploaded).get("id").asString();
    assertThat(uploaded.headers().firstValue("Location")).hasValue("/api/v1/admin/imports/" + id);
    assertThat(body(uploaded).get("rows").asInt()).isEqualTo(6);
    JsonNode done = awaitDone(id);
    assertThat(done.get("processed").asInt()).isEqualTo(6);
    assertThat(done.get("created").asInt()).isEqualTo(1);
    assertThat(done.get("joined").asInt()).isEqualTo(2);
    assertThat(done.get("rejected").asInt()).isEqualTo(3);
    assertThat(done.get("mapping").get("columns").get("E-mail").asString()).isEqualTo("email");

    List<JsonNode> rows = rows(id, "");
    assertThat(rows).extracting(r -> r.get("outcome").asString())
        .containsExactly("CREATED", "REJECTED", "REJECTED", "JOINED", "JOINED", "REJECTED");
    assertThat(rows.get(1).get("errors").get("email").asString()).contains("well-formed email");
    assertThat(rows.get(2).get("errors").get("named").asString()).isNotBlank();
    assertThat(rows.get(5).get("errors").get("row").asString()).contains("2 cells").contains("4");
    String sarahsLead = rows.get(0).get("leadId").asString();
    assertThat(rows.get(3).get("leadId").asString()).as("the same person twice in the file is one lead").isEqualTo(sarahsLead);
    assertThat(rows.get(4).get("leadId").asString()).isEqualTo(knownLead);
    assertThat(jdbc.sql("select count(*) from lead where email_key = ?").param(ContactKeys.of(sarah, null).email()).query(Long.class).single())
        .isEqualTo(1);

    JsonNode lead = body(get("/api/v1/leads/" + sarahsLead, ADMIN));
    assertThat(lead.get("interest").asString()).isEqualTo("Badge scan at Expo");
    assertThat(lead.get("source").asString()).isEqualTo("expo-2026");
    assertThat(lead.get("captures").get(0).get("captureId").asString()).isEqualTo(rows.get(0).get("captureId").asString());

    List<JsonNode> rejected = rows(id, "&outcome=REJECTED");
    assertThat(rejected).extracting(r -> r.get("row").asInt()).containsExactly(2, 3, 6);
    JsonNode firstPage = body(get("/api/v1/admin/imports/" + id + "/rows?limit=2", ADMIN));
    assertThat(firstPage.get("items")).hasSize(2);
    assertThat(firstPage.get("nextAfter").asInt()).isEqualTo(2);

    HttpResponse<String> csvResults = get("/api/v1/admin/imports/" + id + "/rows.csv", ADMIN);
    assertThat(csvResults.statusCode()).isEqualTo(200);
    assertThat(csvResults.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    List<String> lines = csvResults.body().lines().toList();
    assertThat(lines).hasSize(7);
    assertThat(lines.get(0)).isEqualTo("row,outcome,leadId,captureId,suppressed,errors");
    assertThat(lines.get(1)).startsWith("1,CREATED," + sarahsLead);
    assertThat(lines.get(2)).startsWith("2,REJECTED,").contains("email: must be a well-formed email address");

    assertThat(body(get("/api/v1/admin/imports", ADMIN)).findValues("id").stream().map(JsonNode::asString)).contains(id);
  }

  @Test
  void theSameFileWithTheSameMappingIsTheSameImportAndCapturesNoOneTwice() {
    String email = uniqueEmail();
    String csv = "Full Name,E-mail,Company,Badge\r\nAna Lima," + email + ",Acme,B-9\r\n";

    HttpResponse<String> first = upload("partner-list", BADGE_MAPPING, csv);
    String id = body(first).get("id").asString();
    awaitDone(id);
    HttpResponse<String> again = upload("partner-list", BADGE_MAPPING, csv);
    HttpResponse<String> otherMapping =
        upload("partner-list", Stream.concat(BADGE_MAPPING.stream(), Stream.of("default=country:PT")).toList(), csv);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(body(again).get("id").asString()).isEqualTo(id);
    assertThat(body(again).get("state").asString()).isEqualTo("DONE");
    assertThat(jdbc.sql("select count(*) from list_import_row where import_id = ?::uuid").param(id).query(Long.class).single()).isEqualTo(1);
    assertThat(otherMapping.statusCode()).isEqualTo(202);
    String second = body(otherMapping).get("id").asString();
    assertThat(second).isNotEqualTo(id);
    awaitDone(second);
    assertThat(rows(second, "").get(0).get("outcome").asString()).isEqualTo("JOINED");
    assertThat(jdbc.sql("select count(*) from lead_capture c join lead l on l.id = c.lead_id where l.email_key = ?")
            .param(ContactKeys.of(email, null).email()).query(Long.class).single())
        .as("one capture per import, none for the re-upload")
        .isEqualTo(2);
  }

  @Test
  void aSuppressedPersonIsImportedMarkedAndNeverContacted() {
    String optedOut = uniqueEmail();
    suppressions.suppress(ContactKeys.of(optedOut, null).email(), Suppressions.ALL, "unsubscribed from every list", "test");
    String csv = "Full Name,E-mail,Company,Badge\nOla Nordmann," + optedOut + ",Acme,B-7\n";

    List<String> hotMapping = List.of("column=Full Name:name", "column=E-mail:email", "default=interest:demo request");

    String id = body(upload("expo-2026", hotMapping, csv)).get("id").asString();

    assertThat(awaitDone(id).get("suppressed").asInt()).isEqualTo(1);
    JsonNode row = rows(id, "").get(0);
    assertThat(row.get("outcome").asString()).isEqualTo("CREATED");
    assertThat(row.get("suppressed").toString()).isEqualTo("[\"ALL\"]");
    String leadId = row.get("leadId").asString();
    JsonNode lead = await().atMost(Duration.ofSeconds(30)).until(
        () -> body(get("/api/v1/leads/" + leadId, ADMIN)),
        l -> l.get("live") != null && !l.get("live").isNull()
            && l.get("live").get("notes").toString().contains("Not contacted by EMAIL: suppressed"));
    assertThat(lead.get("touches").findValues("outcome").stream().map(JsonNode::asString)).doesNotContain("SENT", "SENDING");
    assertThat(jdbc.sql("select count(*) from touch where lead_id = ?::uuid and outcome = 'SENT'").param(leadId).query(Long.class).single())
        .isZero();
  }

  /** As a crash leaves an import: its first batch committed (row 1 captured), rows 2 and 3 still pending. */
  @Test
  void anImportStoppedMidwayResumesAtItsFirstPendingRowAndCapturesNoRowTwice() {
    String done = uniqueEmail();
    String pendingA = uniqueEmail();
    String pendingB = uniqueEmail();
    String doneLead = leadOf(post("/api/v1/leads", INGEST, leadJson(done, null)));
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into list_import (id, source, mapping, mapping_sha256, content_sha256, rows_total, state)
            values (?, 'resume-test', '{"columns":{"E-mail":"email"},"defaults":{}}'::jsonb, ?, ?, 3, 'RUNNING')
            """)
        .params(id, Sha256.hex(id + "mapping"), Sha256.hex(id + "content"))
        .update();
    jdbc.sql(
            """
            insert into list_import_row (import_id, row_number, request, outcome, lead_id, processed_at)
            values (?, 1, ?::jsonb, 'CREATED', ?::uuid, now())
            """)
        .params(id, rowRequest(done), doneLead)
        .update();
    jdbc.sql("insert into list_import_row (import_id, row_number, request) values (?, 2, ?::jsonb), (?, 3, ?::jsonb)")
        .params(id, rowRequest(pendingA), id, rowRequest(pendingB))
        .update();

    JsonNode view = awaitDone(id.toString());

    assertThat(view.get("processed").asInt()).isEqualTo(3);
    assertThat(view.get("created").asInt()).isEqualTo(3);
    List<JsonNode> rows = rows(id.toString(), "");
    assertThat(rows.get(0).get("leadId").asString()).isEqualTo(doneLead);
    assertThat(rows.get(1).get("leadId").asString()).isNotEqualTo(rows.get(2).get("leadId").asString());
    assertThat(capturesOf(done)).as("row 1 was done before the stop: not captured again").isEqualTo(1);
    assertThat(capturesOf(pendingA)).isEqualTo(1);
    assertThat(capturesOf(pendingB)).isEqualTo(1);
  }

  private static String rowRequest(String email) {
    return "{\"source\":\"resume-test\",\"name\":\"Resumed Person\",\"email\":\"" + email + "\",\"interest\":\"demo request\"}";
  }

  private long capturesOf(String email) {
    return jdbc.sql("select count(*) from lead_capture c join lead l on l.id = c.lead_id where l.email_key = ?")
        .param(ContactKeys.of(email, null).email()).query(Long.class).single();
  }

  @Test
  void onlyAdminsImport() {
    String csv = "Full Name,E-mail,Company,Badge\nX Y," + uniqueEmail() + ",Acme,B\n";
    for (String key : List.of(INGEST, ANA, MANAGER)) {
      Problems.assertProblem(upload(key, "expo-2026", BADGE_MAPPING, csv), 403);
      Problems.assertProblem(get("/api/v1/admin/imports", key), 403);
    }
    Problems.assertProblem(upload(null, "expo-2026", BADGE_MAPPING, csv), 401);
  }

  @Test
  void aMappingThatDoesNotFitTheFileIsA400NamingItAndStoresNothing() {
    String source = "bad-mapping-" + UUID.randomUUID().toString().substring(0, 8);
    String csv = "Full Name,E-mail\nX Y," + uniqueEmail() + "\n";

    String unknownHeader = Problems.assertInvalid(upload(source, List.of("column=Full Name:name", "column=Email:email"), csv), "column[1]");
    String unknownTarget = Problems.assertInvalid(upload(source, List.of("column=Full Name:fullName"), csv), "column[0]");
    String badDefault = Problems.assertInvalid(upload(source, List.of("column=Full Name:name", "default=source:x"), csv), "default[0]");
    Problems.assertInvalid(upload(source, List.of("column=Full Name"), csv), "column[0]");
    Problems.assertInvalid(upload(source, List.of(), csv), "column");
    Problems.assertInvalid(upload(source, List.of("column=Full Name:name"), ""), "body");
    Problems.assertInvalid(upload(source, List.of("column=Full Name:name"), "Full Name\n\"unclosed\n"), "body");

    assertThat(unknownHeader).contains("\"Email\" is not a column").contains("Full Name, E-mail");
    assertThat(unknownTarget).contains("\"fullName\" is not a target").contains("email");
    assertThat(badDefault).contains("\"source\" is not a target");
    Problems.assertProblem(
        call("POST", "/api/v1/admin/imports?source=" + source + "&column=" + enc("Full Name:name"), ADMIN, csv,
            Map.of("Content-Type", "application/json")),
        415);
    assertThat(jdbc.sql("select count(*) from list_import where source = ?").param(source).query(Long.class).single()).isZero();
  }

  /** The upload is streamed, not held: a chunked body (no length declared) is counted as it is read and stopped at the limit. */
  @Test
  void aChunkedFileOverTheLimitIs413AndStoresNothing() throws Exception {
    String source = "too-big-" + UUID.randomUUID().toString().substring(0, 8);
    String row = "X Y," + uniqueEmail() + ",Acme,B\n";
    InputStream twoMegabytes = new SequenceInputStream(
        new ByteArrayInputStream("Full Name,E-mail,Company,Badge\n".getBytes(StandardCharsets.UTF_8)),
        new ByteArrayInputStream(row.repeat(2 * 1024 * 1024 / row.length() + 1).getBytes(StandardCharsets.UTF_8)));
    HttpRequest request = HttpRequest.newBuilder(URI.create(
            "http://localhost:" + port + "/api/v1/admin/imports?source=" + source + "&column=" + enc("E-mail:email")))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> twoMegabytes))
        .header("Content-Type", "text/csv")
        .header("Authorization", "Bearer " + ADMIN)
        .build();

    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(Problems.assertProblem(response, 413).get("detail").asString()).contains("1048576");
    assertThat(jdbc.sql("select count(*) from list_import where source = ?").param(source).query(Long.class).single()).isZero();
  }

  private HttpResponse<String> upload(String source, List<String> mapping, String csv) {
    return upload(ADMIN, source, mapping, csv);
  }

  private HttpResponse<String> upload(String key, String source, List<String> mapping, String csv) {
    String query = mapping.stream()
        .map(p -> p.substring(0, p.indexOf('=')) + "=" + enc(p.substring(p.indexOf('=') + 1)))
        .collect(Collectors.joining("&"));
    return call("POST", "/api/v1/admin/imports?source=" + enc(source) + (query.isEmpty() ? "" : "&" + query), key, csv,
        Map.of("Content-Type", "text/csv"));
  }

  private JsonNode awaitDone(String id) {
    return await().atMost(Duration.ofSeconds(30)).until(
        () -> body(get("/api/v1/admin/imports/" + id, ADMIN)), view -> "DONE".equals(view.get("state").asString()));
  }

  private List<JsonNode> rows(String id, String filter) {
    List<JsonNode> rows = new ArrayList<>();
    body(get("/api/v1/admin/imports/" + id + "/rows?limit=500" + filter, ADMIN)).get("items").forEach(rows::add);
    return rows;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
