package io.leadflow.api.input;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The JSON the API reads obeys {@link RequestBodyRules}. */
@Component
class JsonBodies implements ServerHttpMessageConvertersCustomizer, Ordered {

  private final JsonMapper json;

  JsonBodies(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void customize(HttpMessageConverters.ServerBuilder converters) {
    converters.withJsonConverter(new JacksonJsonHttpMessageConverter(json.rebuild().addModule(new RequestBodyRules()).build()));
  }

  /** After Spring Boot's own customizer, which sets the JSON converter with the plain mapper. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
