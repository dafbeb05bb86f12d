package io.leadflow.api.codec;

import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The Temporal UI calls the codec from its own origin, with the browser's credentials for the API
 * ("Include cross-origin credentials"): those origins, and only for the codec, may
 * ({@code leadflow.temporal.codec.cors-origins}, empty by default; run-local.sh names its UI).
 */
@Configuration(proxyBeanMethods = false)
class CodecCors {

  @Bean
  CorsConfigurationSource corsConfigurationSource(@Value("${leadflow.temporal.codec.cors-origins:}") List<String> origins) {
    CorsConfiguration codec = new CorsConfiguration();
    codec.setAllowedOrigins(origins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList());
    codec.setAllowedMethods(List.of("GET", "POST"));
    codec.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.AUTHORIZATION, "X-Namespace"));
    codec.setAllowCredentials(true);
    codec.setMaxAge(Duration.ofHours(1));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration(CodecController.PATH, codec);
    source.registerCorsConfiguration(CodecController.PATH + "/**", codec);
    return source;
  }
}
