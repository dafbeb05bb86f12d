package io.leadflow.api.admin;

import io.leadflow.activities.store.CaptureAttribute;
import io.leadflow.api.capture.CaptureLeadRequest;
import io.leadflow.api.forms.FormSource;
import io.leadflow.api.forms.FormSources;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Web form sources (ADMIN): {@code PUT /{name}} creates one with a new publishable form key (201)
 * or changes its settings, keeping the key (200). The name is the source of every lead it brings.
 * {@code allowedOrigins}: the sites whose pages may send it ({@code https://www.acme.com}, scheme,
 * host and port only); {@code thankYouUrl}: an absolute http(s) URL; {@code honeypotField}: a
 * field name no capture field uses; {@code minFillSeconds}: 0 (off) to 3600. The answer shows the
 * counts of bots' submissions caught. {@code DELETE} stops the key at once.
 */
@RestController
@RequestMapping("/api/v1/admin/form-sources")
class FormSourceController {

  /** Field names a honeypot may not take: the capture's own fields and the form's control fields. */
  static final List<String> CAPTURE_FIELDS =
      Stream.concat(
              Arrays.stream(CaptureLeadRequest.class.getRecordComponents()).map(RecordComponent::getName),
              Stream.of(FormSource.KEY_FIELD, FormSource.RENDERED_AT_FIELD))
          .toList();

  record FormSourceRequest(
      @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 200) String> allowedOrigins,
      @Size(max = 2000) String thankYouUrl,
      @Size(max = CaptureAttribute.MAX_NAME_LENGTH)
          @Pattern(regexp = CaptureAttribute.NAME_PATTERN, message = "letters, digits and _ . - only") String honeypotField,
      @Min(0) @Max(3600) Integer minFillSeconds) {}

  private final FormSources sources;

  FormSourceController(FormSources sources) {
    this.sources = sources;
  }

  @GetMapping
  List<FormSource> all() {
    return sources.all();
  }

  @GetMapping("/{name}")
  FormSource one(@PathVariable String name) {
    return sources.byName(name).orElseThrow(() -> AdminProblems.notFound("form source", name));
  }

  @PutMapping("/{name}")
  ResponseEntity<FormSource> save(@PathVariable String name, @Valid @RequestBody FormSourceRequest request) {
    AdminIds.checked(name);
    boolean created = sources.save(name, settings(request));
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(one(name));
  }

  @DeleteMapping("/{name}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String name) {
    if (!sources.delete(name)) {
      throw AdminProblems.notFound("form source", name);
    }
  }

  private static FormSource.Settings settings(FormSourceRequest request) {
    Map<String, String> errors = new TreeMap<>();
    List<String> origins = request.allowedOrigins().stream().map(String::strip).toList();
    for (int i = 0; i < origins.size(); i++) {
      int index = i;
      originProblem(origins.get(i)).ifPresent(problem -> errors.put("allowedOrigins[" + index + "]", problem));
    }
    String thankYouUrl = blankToNull(request.thankYouUrl());
    if (thankYouUrl != null && !isWebAddress(thankYouUrl)) {
      errors.put("thankYouUrl", "must be an absolute http or https URL");
    }
    String honeypot = blankToNull(request.honeypotField());
    if (honeypot != null && CAPTURE_FIELDS.stream().anyMatch(field -> field.equalsIgnoreCase(honeypot))) {
      errors.put("honeypotField", "is a capture field; name a field people never see, e.g. \"website_url2\"");
    }
    if (!errors.isEmpty()) {
      throw AdminProblems.invalid(errors);
    }
    return new FormSource.Settings(
        origins.stream().map(origin -> origin.toLowerCase(Locale.ROOT)).distinct().toList(),
        thankYouUrl,
        honeypot,
        request.minFillSeconds() == null ? 0 : request.minFillSeconds());
  }

  /** An origin as browsers send it: scheme, host, optional port; nothing else. */
  private static Optional<String> originProblem(String origin) {
    try {
      URI uri = new URI(origin);
      boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      boolean bare = uri.getHost() != null && uri.getUserInfo() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
          && uri.getRawQuery() == null && uri.getRawFragment() == null;
      return web && bare ? Optional.empty() : Optional.of("must be an origin: scheme, host and optional port, e.g. https://www.acme.com");
    } catch (URISyntaxException e) {
      return Optional.of("must be an origin: scheme, host and optional port, e.g. https://www.acme.com");
    }
  }

  private static boolean isWebAddress(String url) {
    try {
      URI uri = new URI(url);
      return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
