package io.leadflow.api;

import io.leadflow.activities.store.LeadStoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The REST API. Reads the lead store; reaches workflows only through their interfaces. */
@SpringBootApplication
@Import(LeadStoreConfiguration.class)
public class ApiApplication {

  public static void main(String[] args) {
    SpringApplication.run(ApiApplication.class, args);
  }
}
