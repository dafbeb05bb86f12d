package io.leadflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The API as it runs in production: only what ApiApplication itself wires, none of the activity
 * beans the other API tests add to host the workflow in process. A bean the API needs from
 * activities but does not import fails here, not first in ./run-local.sh.
 */
@SpringBootTest(
    classes = ApiApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=${LEADFLOW_TEST_DB_URL:jdbc:postgresql://127.0.0.1:5432/leadflow_test}",
      "spring.temporal.test-server.enabled=true",
      "leadflow.reconciler.initial-delay=1h",
      "leadflow.unsubscribe.secret=test-unsubscribe-secret-0123456789abcdef",
      "leadflow.temporal.codec.active-key=test",
      "leadflow.temporal.codec.keys.test=BmdtNwVGxiF9EHF8n+Oha1S4hMQcOiTXCKLoVhnW/oc=",
    })
class ApiContextTest {

  @Autowired ApplicationContext context;

  @Test
  void startsWithItsOwnWiringOnly() {
    assertThat(context.containsBean("leadController")).isTrue();
    assertThat(context.containsBean("outreachActivities")).isFalse();
  }
}
