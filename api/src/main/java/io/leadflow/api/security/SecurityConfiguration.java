package io.leadflow.api.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call what. Every endpoint but health, the API docs and provider webhooks (which prove
 * themselves by signature) needs an API key; the role decides the rest. Reps are further limited
 * to their own leads and managers to their team's in the controllers (a lead outside is a 404,
 * not a 403). Handing a lead to another rep and closing it as converted are a manager's or an
 * admin's decisions, not a rep's. The Temporal codec is for operators, who may read any lead's workflow data.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** The Temporal codec (api.codec); GET on it is where a browser signs in for the Temporal UI. */
  static final String CODEC = "/api/v1/codec";

  @Bean
  SecurityFilterChain api(
      HttpSecurity http, ApiKeyAuthenticationFilter apiKeys, FormKeyAuthenticationFilter formKeys, ProblemResponses problems)
      throws Exception {
    return http.csrf(csrf -> csrf.disable())
        // The bean corsConfigurationSource (api.codec): cross-origin calls reach the codec only.
        .cors(Customizer.withDefaults())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .addFilterBefore(apiKeys, AnonymousAuthenticationFilter.class)
        .addFilterAfter(formKeys, ApiKeyAuthenticationFilter.class)
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                    .permitAll()
                    .requestMatchers("/api/v1/webhooks/**")
                    .permitAll()
                    // A web form's key (FormKeyAuthenticationFilter) captures, and may do nothing else.
                    .requestMatchers(HttpMethod.POST, "/api/v1/leads")
                    .hasAnyRole(Role.INGEST.name(), Role.ADMIN.name(), FormKeyAuthenticationFilter.ROLE)
                    // A manager previews a template with a lead of their team (TemplateController checks which).
                    .requestMatchers(HttpMethod.POST, "/api/v1/admin/templates/*/preview")
                    .hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
                    .requestMatchers("/api/v1/admin/**")
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers("/console", "/console/**")
                    .permitAll()
                    .requestMatchers("/api/v1/reports/**", "/actuator/prometheus", CODEC, CODEC + "/**")
                    .hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
                    .requestMatchers(HttpMethod.POST, "/api/v1/leads/*/reassign", "/api/v1/leads/*/convert")
                    .hasAnyRole(Role.MANAGER.name(), Role.ADMIN.name())
                    .requestMatchers("/api/v1/leads", "/api/v1/leads/**")
                    .hasAnyRole(Role.REP.name(), Role.MANAGER.name(), Role.ADMIN.name())
                    .anyRequest()
                    .hasRole(Role.ADMIN.name()))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(browserSignIn(problems)).accessDeniedHandler(problems))
        .build();
  }

  /** The codec's sign-in also offers Basic, so a browser asks for the key (ApiKeyAuthenticationFilter). */
  private static AuthenticationEntryPoint browserSignIn(ProblemResponses problems) {
    return (request, response, e) -> {
      if (HttpMethod.GET.matches(request.getMethod()) && CODEC.equals(request.getRequestURI())) {
        response.addHeader("WWW-Authenticate", "Basic realm=\"LeadFlow API key\", charset=\"UTF-8\"");
      }
      problems.commence(request, response, e);
    };
  }

  /** The filter runs inside the security chain only, not a second time as a plain servlet filter. */
  @Bean
  FilterRegistrationBean<ApiKeyAuthenticationFilter> apiKeyFilterOutsideTheChain(ApiKeyAuthenticationFilter filter) {
    FilterRegistrationBean<ApiKeyAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setEnabled(false);
    return registration;
  }

  @Bean
  FilterRegistrationBean<FormKeyAuthenticationFilter> formKeyFilterOutsideTheChain(FormKeyAuthenticationFilter filter) {
    FilterRegistrationBean<FormKeyAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setEnabled(false);
    return registration;
  }
}
