package io.leadflow.worker;

import io.leadflow.activities.temporal.TemporalHealth;
import io.leadflow.activities.temporal.TemporalPayloadEncryption;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Hosts the Temporal workers of task queue {@code leads}: the lead workflow and every activity. */
@SpringBootApplication(scanBasePackages = {"io.leadflow.worker", "io.leadflow.activities"})
@Import(TemporalPayloadEncryption.class)
public class WorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(WorkerApplication.class, args);
  }

  /** Health component {@code temporal}. */
  @Bean
  TemporalHealth temporal(WorkflowServiceStubs service) {
    return new TemporalHealth(service);
  }
}
