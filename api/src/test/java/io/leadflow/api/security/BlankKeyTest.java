package io.leadflow.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.api.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;

/** An empty key is never a key: neither as the first admin key nor when presented. */
class BlankKeyTest extends ApiTest {

  @Autowired ApiKeyRepository keys;

  @Test
  void aBlankPresentedKeyIsRefusedEvenIfABlankKeyWasOnceStored() {
    if (!keys.existsByKeyHash(ApiKeys.hash(""))) {
      keys.save(ApiKey.of("", "stored blank by an earlier bootstrap", Role.ADMIN, null));
    }

    var asEmptyHeader =
        call("POST", "/api/v1/admin/api-keys", null, "{\"name\":\"sneaky\",\"role\":\"ADMIN\"}", Map.of("X-Api-Key", ""));

    assertThat(asEmptyHeader.statusCode()).isEqualTo(401);
    assertThat(asEmptyHeader.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void aBlankFirstAdminKeyStopsTheStartWithItsName() {
    var environment = new MockEnvironment().withProperty("leadflow.api.admin-key", "  ");

    assertThatThrownBy(() -> new AdminKeyBootstrap(keys, environment))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("LEADFLOW_API_ADMIN_KEY");
  }
}
