package io.leadflow.activities.temporal;

import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The data converter the worker and the API both talk to Temporal with (the starter uses the
 * {@code mainDataConverter} bean for its clients, its workers and its test service): the SDK's
 * default conversion, then every payload encrypted by {@link PayloadEncryption}. Failure messages
 * and stack traces are encrypted too: a provider's or PostgreSQL's error can quote an address.
 * Search attributes are not payloads of this converter: Temporal must read them to index them.
 *
 * <p>Imported by both applications rather than found by component scan, so that the activities
 * module's own tests, which boot {@code io.leadflow.activities}, need no key.
 */
@EnableConfigurationProperties(PayloadKeys.class)
public class TemporalPayloadEncryption {

  @Bean
  PayloadEncryption payloadEncryption(PayloadKeys keys) {
    return new PayloadEncryption(keys);
  }

  @Bean
  DataConverter mainDataConverter(PayloadEncryption encryption) {
    return new CodecDataConverter(DefaultDataConverter.STANDARD_INSTANCE, List.of(encryption), true);
  }
}
