package io.leadflow.activities.messages;

import io.leadflow.activities.consent.UnsubscribeTokens;
import io.leadflow.activities.routing.BookingLink;
import io.leadflow.activities.routing.Rep;
import io.leadflow.activities.routing.RepStore;
import io.leadflow.activities.store.Lead;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.Tier;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A lead's message from a template, as it is sent. Which template: the first of the name's
 * {@link VariantRules} the lead meets gives its variant (a rule whose variant has no template on
 * the touch's channel is passed over); else a HOT lead whose rep has a booking link gets the
 * {@code <name>-hot} variant where there is one; else the name itself, or {@code default} when the
 * name has none. Which version: the one pinned for the lead when its playbook was resolved, else
 * the newest. Values are the lead's and its rep's
 * ({@link Placeholders}); an email without an HTML part gets the text's paragraphs, escaped, with
 * the booking link made a link.
 */
@Component
public class MessageRenderer {

  /** Sent for a template name that has no template on the channel. */
  public static final String FALLBACK = "default";
  /** {@code <name>-hot}: the variant for a HOT lead whose rep has a booking link. */
  public static final String HOT = "-hot";

  /** A rendered message (subject and HTML for email only) and the template version it came from. */
  public record Rendered(String subject, String text, String html, String templateName, int templateVersion) {}

  private final RepStore reps;
  private final MessageTemplateStore store;
  private final VariantRules variants;
  private final UnsubscribeTokens unsubscribe;
  private final Clock clock;
  private final String unsubscribeUrl;
  private final String emailSender;
  private final String smsSender;

  MessageRenderer(
      RepStore reps,
      MessageTemplateStore store,
      VariantRules variants,
      UnsubscribeTokens unsubscribe,
      ObjectProvider<Clock> clock,
      @Value("${leadflow.sendgrid.unsubscribe-url:}") String unsubscribeUrl,
      @Value("${leadflow.sendgrid.from-email:}") String emailSender,
      @Value("${leadflow.twilio.from-number:}") String smsSender) {
    this.reps = reps;
    this.store = store;
    this.variants = variants;
    this.unsubscribe = unsubscribe;
    // The worker has a Clock bean; the API process, which only previews, has none.
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.unsubscribeUrl = unsubscribeUrl;
    this.emailSender = emailSender;
    this.smsSender = smsSender;
  }

  /** The message a touch of {@code templateName} on {@code channel} (SMS or EMAIL) sends this lead now, in the newest versions. */
  public Rendered render(Channel channel, String templateName, Lead lead, String repId) {
    return render(channel, templateName, lead, repId, null);
  }

  /**
   * The message a touch of {@code templateName} on {@code channel} sends this lead now, in the
   * {@code pinned} version of each template name (null, or a name missing: the newest).
   */
  public Rendered render(Channel channel, String templateName, Lead lead, String repId, Map<String, Integer> pinned) {
    Optional<Rep> rep = Optional.ofNullable(repId).flatMap(reps::find);
    Optional<String> link = bookingLink(lead, rep);
    return render(template(channel, templateName, lead, link, pinned), values(channel, lead, repId, rep, link), link);
  }

  /** One given version for this lead, without choosing a variant (a preview of that version). */
  public Rendered render(MessageTemplate template, Lead lead, String repId) {
    Optional<Rep> rep = Optional.ofNullable(repId).flatMap(reps::find);
    Optional<String> link = bookingLink(lead, rep);
    return render(template, values(template.channel(), lead, repId, rep, link), link);
  }

  /** One given version with {@link SampleValues}. */
  public static Rendered sample(MessageTemplate template) {
    Map<String, String> values = SampleValues.of(template.channel());
    return render(template, values, Optional.of(values.get(Placeholders.BOOKING_LINK)));
  }

  private static Rendered render(MessageTemplate template, Map<String, String> values, Optional<String> link) {
    String text = template.renderText(values).strip();
    if (template.channel() != Channel.EMAIL) {
      return new Rendered(null, text, null, template.name(), template.version());
    }
    String html = template.renderHtml(values).orElseGet(() -> linked(paragraphs(text), link));
    return new Rendered(template.renderSubject(values).strip(), text, html, template.name(), template.version());
  }

  /** Plain text as simple HTML: blank lines separate paragraphs, everything escaped. */
  static String paragraphs(String text) {
    StringBuilder html = new StringBuilder();
    for (String paragraph : text.split("\\n\\s*\\n")) {
      html.append("<p>").append(escape(paragraph.strip()).replace("\n", "<br>")).append("</p>");
    }
    return html.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** The assigned rep's booking link for this lead; none when the rep has none (or a stored one that is no https URL). */
  private static Optional<String> bookingLink(Lead lead, Optional<Rep> rep) {
    return rep.map(Rep::bookingLink)
        .filter(link -> BookingLink.problem(link).isEmpty())
        .map(link -> BookingLink.forLead(link, lead.id().toString()));
  }

  private MessageTemplate template(Channel channel, String name, Lead lead, Optional<String> link, Map<String, Integer> pinned) {
    Optional<MessageTemplate> named = Optional.ofNullable(name).flatMap(n -> find(channel, n, pinned));
    if (named.isEmpty()) {
      return find(channel, FALLBACK, pinned).orElseThrow();
    }
    VariantRule.LeadFacts facts = variants.facts(lead);
    for (VariantRule rule : variants.rules(name)) {
      Optional<MessageTemplate> variant = rule.matches(facts) ? find(channel, rule.pick(facts), pinned) : Optional.empty();
      if (variant.isPresent()) {
        return variant.get();
      }
    }
    boolean offersBooking = lead.tier() == Tier.HOT && link.isPresent();
    return (offersBooking ? find(channel, name + HOT, pinned) : Optional.<MessageTemplate>empty()).orElse(named.get());
  }

  private Optional<MessageTemplate> find(Channel channel, String name, Map<String, Integer> pinned) {
    Integer version = pinned == null ? null : pinned.get(name);
    return version == null ? store.newest(channel, name) : store.version(channel, name, version);
  }

  private Map<String, String> values(Channel channel, Lead lead, String repId, Optional<Rep> rep, Optional<String> link) {
    Map<String, String> values = new HashMap<>();
    String name = lead.name() == null ? "" : lead.name().strip();
    String first = name.isEmpty() ? "" : name.split("\\s+")[0];
    // A caller or texter is named by their number until a rep learns their name: "Hi there".
    values.put(Placeholders.FIRST_NAME, first.isEmpty() || !Character.isLetter(first.codePointAt(0)) ? "there" : first);
    values.put(Placeholders.COMPANY, orEmpty(lead.company()));
    values.put(Placeholders.INTEREST, orEmpty(lead.interest()));
    values.put(Placeholders.SOURCE, orEmpty(lead.source()));
    String repName = repName(repId, rep);
    values.put(Placeholders.REP_NAME, repName);
    values.put(Placeholders.REP, repName);
    values.put(Placeholders.BOOKING_LINK, link.orElse(""));
    boolean email = channel == Channel.EMAIL;
    values.put(Placeholders.SENDER_ADDRESS, email ? emailSender : smsSender);
    values.put(Placeholders.UNSUBSCRIBE_LINK, email && !unsubscribeUrl.isBlank() ? unsubscribeLink(lead) : "");
    return values;
  }

  /** The directory's display name; a rep missing from it by their id, capitalised. */
  private static String repName(String repId, Optional<Rep> rep) {
    if (repId == null) {
      return "our team";
    }
    return rep.map(Rep::name)
        .filter(name -> !name.isBlank())
        .orElseGet(() -> repId.isEmpty() ? repId : Character.toUpperCase(repId.charAt(0)) + repId.substring(1));
  }

  private String unsubscribeLink(Lead lead) {
    String token = unsubscribe.issue(lead.id(), Channel.EMAIL, clock.instant());
    return unsubscribeUrl + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  /** The booking link, already escaped in {@code html}, made a link. */
  private static String linked(String html, Optional<String> link) {
    return link.map(MessageRenderer::escape).map(url -> html.replace(url, "<a href=\"" + url + "\">" + url + "</a>")).orElse(html);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
