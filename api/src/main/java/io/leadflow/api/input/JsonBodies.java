package io.leadflow.api.input;

import com.fasterxml.jackson.annotation.Nulls;
import java.util.Set;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API reads and writes JSON, nothing else: a body in another format is a 415, an Accept that
 * wants one a 406. Without this, libraries on the class path (Twilio's SDK brings Jackson's XML,
 * Swagger its YAML) make Spring read XML and YAML bodies too, with Jackson 2 settings that ignore
 * unknown fields. The JSON it reads obeys {@link RequestBodyRules}, and a list holds no nulls.
 */
@Component
public class JsonBodies implements ServerHttpMessageConvertersCustomizer, Ordered {

  private static final Set<String> OTHER_FORMATS = Set.of("xml", "yaml", "x-yaml", "cbor", "x-jackson-smile", "x-protobuf");

  private final JsonMapper json;

  JsonBodies(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void customize(HttpMessageConverters.ServerBuilder converters) {
    converters.withJsonConverter(new JacksonJsonHttpMessageConverter(requestReader(json)));
    converters.configureMessageConvertersList(all -> all.removeIf(JsonBodies::speaksAnotherFormat));
  }

  /** {@code json} reading as request bodies are read, for a body the API binds itself (signed intake, each row of a list import). */
  public static JsonMapper requestReader(JsonMapper json) {
    return json.rebuild()
        .addModule(new RequestBodyRules())
        // [null] is never a list of something: refused (400 naming the element), not a NullPointerException later.
        .changeDefaultNullHandling(nulls -> nulls.withContentNulls(Nulls.FAIL))
        .build();
  }

  private static boolean speaksAnotherFormat(HttpMessageConverter<?> converter) {
    return converter.getSupportedMediaTypes().stream().anyMatch(JsonBodies::isAnotherFormat);
  }

  private static boolean isAnotherFormat(MediaType type) {
    String suffix = type.getSubtypeSuffix();
    return !type.isWildcardSubtype()
        && (OTHER_FORMATS.contains(type.getSubtype()) || (suffix != null && OTHER_FORMATS.contains(suffix)));
  }

  /** After Spring Boot's own customizer, which sets the JSON converter with the plain mapper. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
