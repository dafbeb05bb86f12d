package io.leadflow.activities.messages;

import io.leadflow.workflows.Tier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * One rule of a template's variants: a lead that meets every condition of {@code when} gets
 * {@code template}, or one of the two templates of an A/B {@code split}. Exactly one of the two.
 */
public record VariantRule(When when, String template, Split split) {

  /**
   * Conditions on the lead, each optional (none: every lead): {@code tier} equal, {@code source}
   * and {@code industry} equal ignoring case, {@code interest} containing the text ignoring case.
   */
  public record When(Tier tier, String source, String industry, String interest) {

    boolean matches(LeadFacts lead) {
      return (tier == null || tier == lead.tier())
          && (source == null || source.equalsIgnoreCase(orEmpty(lead.source())))
          && (industry == null || industry.equalsIgnoreCase(orEmpty(lead.industry())))
          && (interest == null || lower(lead.interest()).contains(lower(interest)));
    }
  }

  /** {@code b} for {@code percent} in a hundred leads, {@code a} for the others; a lead always gets the same one. */
  public record Split(String a, String b, int percent) {

    String pick(String leadId) {
      return bucket(leadId) < percent ? b : a;
    }

    /** 0–99 from a CRC-32 of the lead id: stable across processes and releases. */
    public static int bucket(String leadId) {
      CRC32 crc = new CRC32();
      crc.update(leadId.getBytes(StandardCharsets.UTF_8));
      return (int) (crc.getValue() % 100);
    }
  }

  /** What a rule looks at: the lead's tier, source, enriched industry and interest. */
  public record LeadFacts(String leadId, Tier tier, String source, String industry, String interest) {}

  boolean matches(LeadFacts lead) {
    return when == null || when.matches(lead);
  }

  /** The template this rule gives this lead. */
  String pick(LeadFacts lead) {
    return template != null ? template : split.pick(lead.leadId());
  }

  /** Every template the rule may give. */
  List<String> targets() {
    return template != null ? List.of(template) : Stream.of(split.a(), split.b()).toList();
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String lower(String value) {
    return orEmpty(value).toLowerCase(Locale.ROOT);
  }
}
