package io.leadflow.api;

import io.leadflow.activities.consent.Consents;
import io.leadflow.activities.consent.UnsubscribeTokens;
import io.leadflow.activities.playbook.CadenceDefinitions;
import io.leadflow.activities.store.LeadStoreConfiguration;
import io.leadflow.activities.temporal.TemporalHealth;
import io.leadflow.activities.temporal.TemporalPayloadEncryption;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The REST API. Reads the lead store; reaches workflows only through their interfaces. */
@SpringBootApplication
@Import({LeadStoreConfiguration.class, Consents.class, CadenceDefinitions.class, UnsubscribeTokens.class, TemporalPayloadEncryption.class})
@EnableScheduling
@EnableJdbcRepositories(basePackageClasses = ApiApplication.class)
public class ApiApplication {

  public static void main(String[] args) {
    SpringApplication.run(ApiApplication.class, args);
  }

  /** Health component {@code temporal}. */
  @Bean
  TemporalHealth temporal(WorkflowServiceStubs service) {
    return new TemporalHealth(service);
  }
}
