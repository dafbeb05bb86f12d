package io.leadflow.activities.store;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One capture of a lead, with its attribution; {@code joined} when it found the person known,
 * {@code coalesced} when that repeat was only counted, not signalled to the lead's workflow.
 * {@code receiptId} is the random id the capture's answer gives out ({@code captureId} in the API),
 * which names this capture and not the lead. {@code message}: the person's free text. Its custom
 * attributes are kept beside it ({@link CaptureAttributes}).
 */
@Table("lead_capture")
public record CaptureRecord(
    @Id Long id,
    UUID receiptId,
    UUID leadId,
    String source,
    String interest,
    @Embedded.Nullable(prefix = "utm_") Utm utm,
    @Embedded.Nullable Attribution attribution,
    boolean joined,
    boolean coalesced,
    Instant createdAt,
    String message) {

  /** Campaign attribution as the form received it; any part may be absent. */
  public record Utm(String source, String medium, String campaign, String term, String content) {}

  /**
   * Where the person came from beyond UTM: the page the form was on, the page that sent them there
   * (both http(s) URLs), and the ad click ids Google ({@code gclid}), Meta ({@code fbclid}) and
   * LinkedIn ({@code li_fat_id}) append to the landing page's URL.
   */
  public record Attribution(String landingPage, String referrer, String gclid, String fbclid, String liFatId) {}

  public static CaptureRecord of(
      UUID leadId, String source, String interest, Utm utm, Attribution attribution, boolean joined, boolean coalesced,
      Instant now) {
    return of(leadId, source, interest, utm, attribution, joined, coalesced, now, null);
  }

  public static CaptureRecord of(
      UUID leadId, String source, String interest, Utm utm, Attribution attribution, boolean joined, boolean coalesced,
      Instant now, String message) {
    return new CaptureRecord(null, UUID.randomUUID(), leadId, source, interest, utm, attribution, joined, coalesced, now, message);
  }
}
