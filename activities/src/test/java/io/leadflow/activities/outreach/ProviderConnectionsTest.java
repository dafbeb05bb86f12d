package io.leadflow.activities.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leadflow.activities.StoredLeads;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.activities.store.TouchRepository;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.OutreachActivities;
import io.leadflow.workflows.Touch;
import io.leadflow.workflows.TouchRequest;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * More sends than a provider's connections, against a slow WireMock: the ones queued for a
 * connection must stay RESERVED, because a worker killed while they wait must not leave them
 * "ambiguous" (never repeated) when nothing was sent.
 */
@SpringBootTest
class ProviderConnectionsTest {

  private static final int CONNECTIONS = 20;
  private static final int SENDS = CONNECTIONS + 10;
  private static final String MESSAGES = ProvidersAt.MESSAGES;
  private static final String MAIL = ProvidersAt.MAIL;
  private static final int SLOW = 1_000;
  private static final WireMockServer providers =
      new WireMockServer(options().dynamicPort().containerThreads(2 * SENDS + 10));

  static {
    providers.start();
  }

  @DynamicPropertySource
  static void providersAtWireMock(DynamicPropertyRegistry properties) {
    ProvidersAt.port(properties, providers::port);
    properties.add("leadflow.sendgrid.read-timeout", () -> "3s");
    properties.add("leadflow.twilio.read-timeout", () -> "3s");
  }

  @AfterAll
  static void stop() {
    providers.stop();
  }

  @Autowired OutreachActivitiesImpl implementation;
  @Autowired LeadRepository leads;
  @Autowired TouchRepository touches;
  @Autowired JdbcClient database;

  private final ExecutorService senders = Executors.newFixedThreadPool(SENDS + 1);
  private final List<OneAttemptOutreach> environments = new ArrayList<>();

  @BeforeEach
  void setUp() {
    providers.resetAll();
    providers.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM1\"}").withFixedDelay(SLOW)));
    providers.stubFor(post(MAIL).willReturn(aResponse().withStatus(202).withFixedDelay(SLOW)));
  }

  @AfterEach
  void close() {
    senders.shutdownNow();
    environments.forEach(OneAttemptOutreach::close);
  }

  /** A test activity environment runs one activity at a time: one per concurrent send. */
  private OutreachActivities outreach() {
    OneAttemptOutreach temporal = new OneAttemptOutreach(implementation, Duration.ofSeconds(60));
    environments.add(temporal);
    return temporal.outreach;
  }

  private CompletableFuture<Touch> sendAsync(TouchRequest request) {
    OutreachActivities outreach = outreach();
    return CompletableFuture.supplyAsync(() -> outreach.sendTouch(request), senders);
  }

  @ParameterizedTest
  @EnumSource(value = Channel.class, names = {"SMS", "EMAIL"})
  void sendsWaitingForAConnectionStayReservedAndAllGoOutOnce(Channel channel) throws Exception {
    List<TouchRequest> requests = new ArrayList<>();
    for (int i = 0; i < SENDS; i++) {
      requests.add(ProvidersAt.dayOneTouch(StoredLeads.save(leads, true), channel));
    }
    List<String> keys = requests.stream().map(TouchRequest::businessKey).toList();

    List<CompletableFuture<Touch>> sends =
        requests.stream().map(this::sendAsync).toList();
    int mostSending = 0;
    int mostWaiting = 0;
    while (!sends.stream().allMatch(CompletableFuture::isDone)) {
      mostSending = Math.max(mostSending, count(keys, "SENDING"));
      mostWaiting = Math.max(mostWaiting, count(keys, "RESERVED"));
      Thread.sleep(20);
    }

    assertThat(mostSending).isBetween(1, CONNECTIONS);
    assertThat(mostWaiting).isPositive();
    for (CompletableFuture<Touch> send : sends) {
      assertThat(send.get().outcome()).isEqualTo(Touch.Outcome.SENT);
    }
    providers.verify(SENDS, postRequestedFor(urlEqualTo(channel == Channel.SMS ? MESSAGES : MAIL)));
  }

  @Test
  void anAttemptThatFindsItsTouchTakenWhileWaitingForAConnectionDoesNotSendIt() throws Exception {
    List<String> busyKeys = new ArrayList<>();
    List<CompletableFuture<Touch>> busy = new ArrayList<>();
    for (int i = 0; i < CONNECTIONS; i++) {
      TouchRequest request = ProvidersAt.dayOneTouch(StoredLeads.save(leads, true), Channel.SMS);
      busyKeys.add(request.businessKey());
      busy.add(sendAsync(request));
    }
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
        .until(() -> count(busyKeys, "SENDING") == CONNECTIONS);
    Lead lead = StoredLeads.save(leads, true);
    TouchRequest late = ProvidersAt.dayOneTouch(lead, Channel.SMS);

    CompletableFuture<Touch> waiting = sendAsync(late);
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
        .until(() -> touches.findByBusinessKey(late.businessKey()).isPresent());
    // Another attempt of the same touch (this one timed out while waiting) takes it first.
    assertThat(touches.markSending(late.businessKey())).isEqualTo(1);

    assertThatThrownBy(waiting::join)
        .cause()
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class, failure -> assertThat(failure.getType()).isEqualTo("TouchInFlight"));
    CompletableFuture.allOf(busy.toArray(CompletableFuture[]::new)).join();
    providers.verify(0, postRequestedFor(urlEqualTo(MESSAGES)).withFormParam("To", equalTo(lead.phone())));
  }

  @ParameterizedTest
  @EnumSource(value = Channel.class, names = {"SMS", "EMAIL"})
  void aProviderThatDoesNotAnswerIsGivenUpAfterTheReadTimeoutAndNotRepeated(Channel channel) {
    Lead lead = StoredLeads.save(leads, true);
    String endpoint = channel == Channel.SMS ? MESSAGES : MAIL;
    providers.stubFor(
        post(endpoint)
            .withRequestBody(containing(channel == Channel.SMS ? lead.phone().substring(1) : lead.id().toString()))
            .willReturn(aResponse().withStatus(channel == Channel.SMS ? 201 : 202).withBody("{\"sid\":\"SM2\"}").withFixedDelay(10_000)));
    TouchRequest request = ProvidersAt.dayOneTouch(lead, channel);
    OutreachActivities outreach = outreach();

    Touch gaveUp = outreach.sendTouch(request);
    providers.resetRequests();
    Touch retried = outreach.sendTouch(request);

    // It may have been accepted: recorded ambiguous at once, and a retry sends nothing.
    assertThat(gaveUp.outcome()).isEqualTo(Touch.Outcome.FAILED);
    assertThat(touches.findByBusinessKey(request.businessKey()).orElseThrow().detail())
        .startsWith("ambiguous: ")
        .contains("Read timed out");
    assertThat(retried).isEqualTo(gaveUp);
    providers.verify(0, postRequestedFor(urlEqualTo(endpoint)));
  }

  /** One statement, so the count is a snapshot: touches read one by one could be counted twice. */
  private int count(List<String> keys, String outcome) {
    return database
        .sql("select count(*) from touch where outcome = :outcome and business_key in (:keys)")
        .param("outcome", outcome)
        .param("keys", keys)
        .query(Integer.class)
        .single();
  }

}
