package io.leadflow.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Hosts the Temporal workers of task queue {@code leads}: the lead workflow and every activity. */
@SpringBootApplication(scanBasePackages = {"io.leadflow.worker", "io.leadflow.activities"})
public class WorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(WorkerApplication.class, args);
  }
}
