package io.leadflow.activities.messages;

import io.leadflow.workflows.Channel;
import java.util.Set;

/**
 * The names a template may use. {@code rep} is the old name of {@code repName}. The rep directory
 * holds no title or phone for a rep, so there is no {@code repTitle} or {@code repPhone}.
 */
public final class Placeholders {

  public static final String FIRST_NAME = "firstName";
  public static final String COMPANY = "company";
  public static final String INTEREST = "interest";
  public static final String SOURCE = "source";
  public static final String REP_NAME = "repName";
  public static final String REP = "rep";
  public static final String BOOKING_LINK = "bookingLink";
  public static final String UNSUBSCRIBE_LINK = "unsubscribeLink";
  public static final String SENDER_ADDRESS = "senderAddress";

  private static final Set<String> SMS =
      Set.of(FIRST_NAME, COMPANY, INTEREST, SOURCE, REP_NAME, REP, BOOKING_LINK, SENDER_ADDRESS);
  private static final Set<String> EMAIL =
      Set.of(FIRST_NAME, COMPANY, INTEREST, SOURCE, REP_NAME, REP, BOOKING_LINK, UNSUBSCRIBE_LINK, SENDER_ADDRESS);

  private Placeholders() {}

  public static Set<String> of(Channel channel) {
    return channel == Channel.EMAIL ? EMAIL : SMS;
  }
}
