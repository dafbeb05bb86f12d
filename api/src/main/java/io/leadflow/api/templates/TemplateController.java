package io.leadflow.api.templates;

import io.leadflow.activities.messages.InvalidTemplate;
import io.leadflow.activities.messages.MessageRenderer;
import io.leadflow.activities.messages.MessageTemplate;
import io.leadflow.activities.messages.MessageTemplateStore;
import io.leadflow.activities.messages.SavedTemplate;
import io.leadflow.activities.messages.SmsLength;
import io.leadflow.activities.messages.VariantRule;
import io.leadflow.activities.messages.VariantRules;
import io.leadflow.activities.store.Lead;
import io.leadflow.api.input.InputProblems;
import io.leadflow.api.leads.LeadAccess;
import io.leadflow.api.security.ApiPrincipal;
import io.leadflow.api.input.MultilineText;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.Tier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Message templates (ADMIN; a MANAGER may preview, with sample values or a lead of their team).
 * Saving adds the next version of a name for a channel; leads started after it send it, running
 * leads the version pinned when they started. A template is checked when it is saved, never when
 * it is sent: an unknown placeholder, a syntax error or a text over 10 segments (with the opt-out
 * hint) is a 400 naming the part, with the line and column. A name's variant rules
 * ({@code …/{name}/variants}) are versioned the same way.
 */
@RestController
@RequestMapping("/api/v1/admin/templates")
class TemplateController {

  private static final String NAME = "[a-z0-9][a-z0-9-]{0,63}";

  record SaveRequest(
      @NotNull Channel channel,
      @Size(max = 200) String subject,
      @Size(max = 15_000) @MultilineText String html,
      @NotBlank @Size(max = 10_000) @MultilineText String text) {

    @AssertTrue(message = "must be SMS or EMAIL")
    boolean isChannel() {
      return channel == null || channel == Channel.SMS || channel == Channel.EMAIL;
    }

    @AssertTrue(message = "an email needs a subject; a text has neither subject nor html")
    boolean isSubject() {
      return channel != Channel.EMAIL ? subject == null && html == null : subject != null && !subject.isBlank();
    }
  }

  record TemplateView(
      String name, Channel channel, int version, String subject, String html, String text, boolean builtIn, Instant createdAt) {

    static TemplateView of(MessageTemplate template) {
      return new TemplateView(
          template.name(), template.channel(), template.version(), template.subject(), template.html(), template.text(),
          template.createdAt() == null, template.createdAt());
    }
  }

  /**
   * A saved version; for a text, its length with sample values (GSM-7 or UCS-2, segments), without
   * and with the opt-out hint the first text to a number carries.
   */
  record SavedView(TemplateView template, SmsLength length, SmsLength lengthWithOptOutHint) {}

  /** Which version to preview (the newest when absent) for which lead (sample values when absent). */
  record PreviewRequest(@NotNull Channel channel, @Min(1) Integer version, UUID leadId) {}

  /** The message exactly as it would be sent; for a text, its length. */
  record PreviewView(String templateName, int templateVersion, String subject, String text, String html, SmsLength length) {}

  /** The ordered rules of a template's variants; the first the lead meets wins. An empty list: no variants. */
  record VariantsRequest(@NotNull @Size(max = VariantRules.MAX_RULES) List<@NotNull @Valid Rule> rules) {}

  /** A rule: conditions (optional) and either a variant {@code template} or an A/B {@code split}. */
  record Rule(@Valid When when, @Pattern(regexp = NAME) String template, @Valid Split split) {

    @AssertTrue(message = "a rule gives either a template or a split, not both or neither")
    boolean isOneTarget() {
      return (template == null) != (split == null);
    }

    VariantRule toRule() {
      return new VariantRule(
          when == null ? null : new VariantRule.When(when.tier(), when.source(), when.industry(), when.interest()),
          template,
          split == null ? null : new VariantRule.Split(split.a(), split.b(), split.percent()));
    }
  }

  record When(Tier tier, @Size(min = 1, max = 100) String source, @Size(min = 1, max = 100) String industry, @Size(min = 1, max = 200) String interest) {}

  /** {@code b} for {@code percent} in a hundred leads (by a hash of the lead id), {@code a} for the others. */
  record Split(@NotNull @Pattern(regexp = NAME) String a, @NotNull @Pattern(regexp = NAME) String b, @NotNull @Min(0) @Max(100) Integer percent) {}

  record VariantsView(String name, int version, List<VariantRule> rules, Instant createdAt) {

    static VariantsView of(VariantRules.Saved saved) {
      return new VariantsView(saved.name(), saved.version(), saved.rules(), saved.createdAt());
    }
  }

  private final MessageTemplateStore templates;
  private final VariantRules variants;
  private final MessageRenderer renderer;
  private final LeadAccess leads;

  TemplateController(MessageTemplateStore templates, VariantRules variants, MessageRenderer renderer, LeadAccess leads) {
    this.templates = templates;
    this.variants = variants;
    this.renderer = renderer;
    this.leads = leads;
  }

  @GetMapping
  List<TemplateView> all() {
    return templates.all().stream().map(TemplateView::of).toList();
  }

  @GetMapping("/{name}")
  List<TemplateView> versions(@PathVariable String name) {
    List<TemplateView> versions = templates.versions(checked(name)).stream().map(TemplateView::of).toList();
    if (versions.isEmpty()) {
      throw problem(HttpStatus.NOT_FOUND, "Not found", "No template '" + name + "'.", null);
    }
    return versions;
  }

  @PostMapping("/{name}")
  @ResponseStatus(HttpStatus.CREATED)
  SavedView save(@PathVariable String name, @Valid @RequestBody SaveRequest request) {
    SavedTemplate saved = templates.save(request.channel(), checked(name), request.subject(), request.html(), request.text());
    return new SavedView(TemplateView.of(saved.template()), saved.length(), saved.lengthWithOptOutHint());
  }

  /** The rules sends apply now; version 0 and no rules when none were saved. */
  @GetMapping("/{name}/variants")
  VariantsView variants(@PathVariable String name) {
    return variants.newest(checked(name)).map(VariantsView::of).orElseGet(() -> new VariantsView(name, 0, List.of(), null));
  }

  /** Saves the rules as the next version of the name's; each variant must be a saved or built-in template. */
  @PutMapping("/{name}/variants")
  VariantsView saveVariants(@PathVariable String name, @Valid @RequestBody VariantsRequest request) {
    return VariantsView.of(variants.save(checked(name), request.rules().stream().map(Rule::toRule).toList()));
  }

  @PostMapping("/{name}/preview")
  PreviewView preview(
      @PathVariable String name, @Valid @RequestBody PreviewRequest request, @AuthenticationPrincipal ApiPrincipal caller) {
    MessageTemplate template =
        templates.versions(checked(name)).stream()
            .filter(t -> t.channel() == request.channel())
            .filter(t -> request.version() == null || t.version() == request.version())
            .reduce((older, newer) -> newer)
            .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "Not found", "No " + request.channel() + " template '" + name + "'"
                + (request.version() == null ? "" : " version " + request.version()) + ".", null));
    Lead lead = request.leadId() == null ? null : leads.visibleLead(request.leadId().toString(), caller);
    MessageRenderer.Rendered rendered =
        lead == null ? MessageRenderer.sample(template) : renderer.render(template, lead, lead.assignedRep());
    return new PreviewView(
        rendered.templateName(), rendered.templateVersion(), rendered.subject(), rendered.text(), rendered.html(),
        template.channel() == Channel.SMS ? SmsLength.of(rendered.text()) : null);
  }

  @ExceptionHandler(InvalidTemplate.class)
  ProblemDetail invalid(InvalidTemplate invalid) {
    ProblemDetail problem = InputProblems.invalid(InputProblems.INVALID_BODY, Map.of(invalid.field(), invalid.getMessage()));
    if (invalid.line() > 0) {
      problem.setProperty("line", invalid.line());
      problem.setProperty("column", invalid.column());
    }
    return problem;
  }

  private static String checked(String name) {
    if (!name.matches(NAME)) {
      throw problem(HttpStatus.BAD_REQUEST, "Invalid request", InputProblems.INVALID_PARAMETERS, Map.of("name", "lower-case letters, digits and - (at most 64)"));
    }
    return name;
  }

  private static ErrorResponseException problem(HttpStatus status, String title, String detail, Map<String, String> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    if (errors != null) {
      problem.setProperty("errors", errors);
    }
    return new ErrorResponseException(status, problem, null);
  }
}
