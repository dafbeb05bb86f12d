package io.leadflow.activities.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.activities.crm.CrmClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.context.annotation.UserConfigurations;

/** The HubSpot CrmClient exists exactly when leadflow.crm.provider=hubspot, and then needs its token. */
class HubSpotConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withConfiguration(UserConfigurations.of(HubSpotConfiguration.class));

  @Test
  void providerHubSpotWithATokenMakesTheHubSpotClient() {
    context
        .withPropertyValues("leadflow.crm.provider=hubspot", "leadflow.crm.hubspot.token=pat-na1-secret")
        .run(app -> assertThat(app).hasSingleBean(CrmClient.class).getBean(CrmClient.class).isInstanceOf(HubSpotClient.class));
  }

  @Test
  void anotherProviderOrNoneMakesNoHubSpotClient() {
    context
        .withPropertyValues("leadflow.crm.hubspot.token=pat-na1-secret")
        .run(app -> assertThat(app).doesNotHaveBean(CrmClient.class));
    context
        .withPropertyValues("leadflow.crm.provider=salesforce", "leadflow.crm.hubspot.token=pat-na1-secret")
        .run(app -> assertThat(app).doesNotHaveBean(CrmClient.class));
  }

  @Test
  void providerHubSpotWithoutATokenFailsAtStartupNamingTheKey() {
    context
        .withPropertyValues("leadflow.crm.provider=hubspot")
        .run(app -> assertThat(app).hasFailed().getFailure().rootCause().hasMessageContaining("leadflow.crm.hubspot.token"));
  }

  @Test
  void thePropertiesNeverPrintTheToken() {
    HubSpotProperties properties = new HubSpotProperties(null, "pat-na1-secret", null, null);
    assertThat(properties.toString()).doesNotContain("pat-na1-secret").contains("https://api.hubapi.com");
    assertThat(properties.connectTimeout()).hasSeconds(5);
    assertThat(properties.readTimeout()).hasSeconds(20);
  }
}
